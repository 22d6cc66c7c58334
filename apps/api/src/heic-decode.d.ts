declare module 'heic-decode' {
  const decode: (input: { buffer: Buffer | ArrayBuffer }) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
  export default decode;
}
