// The shared modules are tested one by one; English messages are registered as the API's start registers them (src/index.ts).
import '../src/messages-en.js';
