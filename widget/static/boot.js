// Starts the Yew chat app (the wasm module's start function renders it).
import init from './pkg/kefu_widget.js';
init({ module_or_path: new URL('./pkg/kefu_widget_bg.wasm', import.meta.url) });
