// simple-peer ships no types. This declares the part of its pre-bundled browser build (the same
// file y-webrtc imports) that peer-link.ts uses.
declare module 'simple-peer/simplepeer.min.js' {
  interface SimplePeerOptions {
    initiator?: boolean;
    config?: RTCConfiguration;
    trickle?: boolean;
  }
  class SimplePeer {
    constructor(options?: SimplePeerOptions);
    readonly connected: boolean;
    readonly destroyed: boolean;
    /** The data channel once it exists (private in simple-peer; read for backpressure only). */
    readonly _channel: RTCDataChannel | null;
    signal(data: unknown): void;
    send(data: Uint8Array): void;
    destroy(error?: Error): void;
    on(event: 'signal', listener: (data: unknown) => void): this;
    on(event: 'connect' | 'close', listener: () => void): this;
    on(event: 'data', listener: (data: Uint8Array) => void): this;
    on(event: 'error', listener: (error: Error & { code?: string }) => void): this;
  }
  export default SimplePeer;
}
