import { useEffect, useState } from 'react';
import { getPlatform, type PlatformInfo } from '../../platform';
import { Dialog } from './Dialog';

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const [info, setInfo] = useState<PlatformInfo | null>(null);
  useEffect(() => {
    let live = true;
    void getPlatform()
      .getAppInfo()
      .then((i) => live && setInfo(i));
    return () => {
      live = false;
    };
  }, []);
  return (
    <Dialog title="About Dreamboard" onClose={onClose} className="about-dialog">
      <p>
        Dreamboard helps people design public services together: residents, frontline workers, partners and
        commissioners, in one room or online.
      </p>
      <p>
        Your workshops stay on your own computer. Nothing is sent anywhere unless you invite others to join.
      </p>
      <dl className="facts">
        <dt>Version</dt>
        <dd>{info ? info.version : 'Checking…'}</dd>
        <dt>Running on</dt>
        <dd>{info ? (info.platform === 'web' ? 'a web browser' : info.platform) : 'Checking…'}</dd>
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button primary" data-autofocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
