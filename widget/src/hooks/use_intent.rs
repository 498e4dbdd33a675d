//! `use_intent`: the intent model in a Web Worker (`intent-worker.js`, tract compiled to
//! wasm). The worker starts when the panel mounts, so the page the shopper came from never
//! pays for it; until it is ready, drafts simply get no hint and the runtime classifies.
//!
//! The hint is the composer's own state (it passes the setter): typing never touches the
//! conversation's reducer.

use std::cell::Cell;
use std::rc::Rc;

use kefu_protocol::IntentHint;
use serde::Deserialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum FromWorker {
    Ready,
    Error { message: String },
    Result { id: u32, prediction: IntentHint },
}

struct Model {
    worker: Worker,
    // Kept alive as long as the worker: the browser calls it.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

/// Returns a callback that classifies a draft; the model's answer is set through `hint`,
/// for the latest draft only. A blank draft (also the one left after sending) clears the
/// hint, and an answer still on its way for an earlier draft is then dropped.
#[hook]
pub fn use_intent(hint: UseStateSetter<Option<IntentHint>>) -> Callback<String> {
    let model = use_mut_ref(|| None::<Model>);
    let latest = use_memo((), |_| Cell::new(0u32));
    {
        let model = model.clone();
        let latest = latest.clone();
        let hint = hint.clone();
        use_effect_with((), move |_| {
            let options = WorkerOptions::new();
            options.set_type(WorkerType::Module);
            if let Ok(worker) = Worker::new_with_options("intent-worker.js", &options) {
                let on_message =
                    Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                        let json = js_sys::JSON::stringify(&event.data())
                            .map(String::from)
                            .unwrap_or_default();
                        match serde_json::from_str::<FromWorker>(&json) {
                            Ok(FromWorker::Result { id, prediction }) if id == latest.get() => {
                                hint.set(Some(prediction));
                            }
                            Ok(FromWorker::Ready) => {
                                web_sys::console::debug_1(&"kefu: intent model ready".into())
                            }
                            Ok(FromWorker::Error { message }) => {
                                web_sys::console::warn_1(
                                    &format!("kefu: intent model unavailable: {message}").into(),
                                );
                            }
                            _ => {}
                        }
                    });
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                *model.borrow_mut() = Some(Model {
                    worker,
                    _on_message: on_message,
                });
            }
            move || {
                if let Some(m) = model.borrow_mut().take() {
                    m.worker.terminate();
                }
            }
        });
    }
    let counter = Rc::clone(&latest);
    Callback::from(move |text: String| {
        let id = counter.get().wrapping_add(1);
        counter.set(id);
        if text.trim().is_empty() {
            hint.set(None);
        } else if let Some(m) = model.borrow().as_ref() {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"id".into(), &id.into());
            let _ = js_sys::Reflect::set(&message, &"text".into(), &text.into());
            let _ = m.worker.post_message(&message);
        }
    })
}
