// Runs kefu's intent model (tract, compiled to wasm) off the main thread. Messages in:
// {id, text}; out: {type: 'ready'} once, then {type: 'result', id, prediction}.
import init, { IntentModel } from './pkg/kefu_intent_web.js';

let model = null;
const ready = (async () => {
  await init({ module_or_path: new URL('./pkg/kefu_intent_web_bg.wasm', import.meta.url) });
  const response = await fetch(new URL('./intent.onnx', import.meta.url));
  model = new IntentModel(new Uint8Array(await response.arrayBuffer()));
  postMessage({ type: 'ready' });
})().catch((e) => postMessage({ type: 'error', message: String(e) }));

onmessage = async (event) => {
  await ready;
  if (!model) return;
  const { id, text } = event.data;
  postMessage({ type: 'result', id, prediction: JSON.parse(model.classify(text)) });
};
