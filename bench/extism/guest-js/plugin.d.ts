// The exports and host functions of the JavaScript guest, for the extism-js compiler.
declare module 'main' {
  export function handle(): I32;
}

declare module 'extism:host' {
  interface user {
    get_order(ptr: PTR): PTR;
  }
}
