import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * The data-channel behaviour of one stock y-webrtc 10 connection, reproduced line for line from
 * node_modules/y-webrtc/src/y-webrtc.js (readMessage, WebrtcConn 'connect' and 'data', the room's
 * _docUpdateHandler) with the same y-protocols calls, because y-webrtc exports none of it.
 * Awareness is left out. Like y-webrtc's 'data' handler, `receive` has no try/catch: if our bytes
 * made it throw, the test would see it.
 */
export class StockPeer {
  /** Messages that reached readMessage's `default:` branch ("Unable to compute message"). */
  unknown = 0;

  constructor(
    readonly doc: Y.Doc,
    private readonly send: (bytes: Uint8Array) => void,
  ) {
    // _docUpdateHandler: every update, whatever its origin, to every connection.
    doc.on('update', (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
  }

  /** peer.on('connect'): send sync step 1. */
  connect(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
  }

  /** peer.on('data') → readPeerMessage → readMessage; a non-null answer is sent back. */
  receive(buf: Uint8Array): void {
    const decoder = decoding.createDecoder(buf);
    const encoder = encoding.createEncoder();
    const messageType = decoding.readVarUint(decoder);
    let sendReply = false;
    switch (messageType) {
      case 0: {
        encoding.writeVarUint(encoder, 0);
        const syncMessageType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
        if (syncMessageType === syncProtocol.messageYjsSyncStep1) sendReply = true;
        break;
      }
      case 1:
      case 3:
      case 4:
        return;
      default:
        // y-webrtc: console.error('Unable to compute message'); return encoder — an empty answer.
        this.unknown++;
        this.send(encoding.toUint8Array(encoder));
        return;
    }
    if (sendReply) this.send(encoding.toUint8Array(encoder));
  }
}
