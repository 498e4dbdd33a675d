//! `use_intent`: the intent model in a Web Worker (`intent-worker.js`, kefu-intent compiled
//! to wasm). The worker starts when the panel mounts, so the page the shopper came from never
//! pays for it; until it is ready, drafts simply get no hint and the runtime classifies.
//!
//! The worker also holds the shop's public FAQ (from the welcome's `on_device`) and answers
//! each text with what the model understood ([`Understood`]): the intent, the order number,
//! and the FAQ entry the runtime would answer with, found by the runtime's own code
//! (`kefu_intent::faq`). The composer asks for drafts (suggestions), the chat for sent
//! messages (answers on the device). The handle is shared: asking never re-renders anything.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use kefu_protocol::{OnDeviceConfig, PublicFaq};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

pub use crate::suggest::Understood;

/// What the worker posts (`intent-worker.js`), tagged by `type`: `ready`, `error` with a
/// `message`, `result` with the request's `id` and what the model `understood`. Read as one
/// flat struct rather than a `#[serde(tag = "type")]` enum, whose decoder buffers the whole
/// object in serde's `Content` tree first: that buffer's decoder would be in the bundle for
/// this message alone (as for the protocol's frames, `kefu_protocol`'s `decode.rs`).
#[derive(Deserialize)]
struct FromWorker {
    #[serde(rename = "type")]
    kind: WorkerSays,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    id: Option<u32>,
    #[serde(default)]
    understood: Option<Understood>,
}

/// [`FromWorker`]'s tag.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum WorkerSays {
    Ready,
    Error,
    Result,
}

/// The shop the worker answers for (`{"faq": […], "served": […]}`), handed to it as a plain
/// JS object ([`crate::json::to_js`]).
#[derive(Serialize)]
struct Shop<'a> {
    faq: &'a [PublicFaq],
    served: &'a [String],
}

/// The worker's message handler, kept alive as long as the worker: the browser calls it.
type OnMessage = Closure<dyn FnMut(MessageEvent)>;

#[derive(Default)]
struct Inner {
    worker: RefCell<Option<Worker>>,
    /// The requests not answered yet, by id: a few at most (a draft's and a sent
    /// message's), so a list, not a `HashMap` and its hashing code in the bundle.
    waiting: RefCell<Vec<(u32, Callback<Understood>)>>,
    next: Cell<u32>,
    on_message: RefCell<Option<OnMessage>>,
}

/// The model in its worker; cheap to clone, equal to its clones.
#[derive(Clone, Default)]
pub struct IntentWorker(Rc<Inner>);

impl PartialEq for IntentWorker {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for IntentWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IntentWorker")
    }
}

impl IntentWorker {
    /// Gives the worker the shop's public FAQ and the intents its plugins serve.
    pub fn set_shop(&self, config: &OnDeviceConfig) {
        let Some(worker) = self.0.worker.borrow().clone() else {
            return;
        };
        let shop = Shop {
            faq: &config.faq,
            served: &config.served,
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"shop".into());
        let parsed = crate::json::to_js(&shop).unwrap_or(JsValue::NULL);
        let _ = js_sys::Reflect::set(&message, &"shop".into(), &parsed);
        let _ = worker.post_message(&message);
    }

    /// Asks what the model makes of `text`; `done` gets it (never, if the model could not
    /// load). Returns the request's id, which grows with every request.
    pub fn understand(&self, text: &str, done: Callback<Understood>) -> u32 {
        let id = self.0.next.get().wrapping_add(1);
        self.0.next.set(id);
        if let Some(worker) = self.0.worker.borrow().as_ref() {
            self.0.waiting.borrow_mut().push((id, done));
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"id".into(), &id.into());
            let _ = js_sys::Reflect::set(&message, &"text".into(), &text.into());
            let _ = worker.post_message(&message);
        }
        id
    }

    fn received(&self, event: &MessageEvent) {
        let Some(reply) = crate::json::from_js::<FromWorker>(event.data()) else {
            return;
        };
        match (reply.kind, reply.id, reply.understood, reply.message) {
            (WorkerSays::Result, Some(id), Some(understood), _) => {
                let done = {
                    let mut waiting = self.0.waiting.borrow_mut();
                    let at = waiting.iter().position(|(waiting_id, _)| *waiting_id == id);
                    at.map(|at| waiting.swap_remove(at).1)
                };
                if let Some(done) = done {
                    done.emit(understood);
                }
            }
            (WorkerSays::Ready, ..) => {
                web_sys::console::debug_1(&"kefu: intent model ready".into());
            }
            (WorkerSays::Error, _, _, Some(message)) => {
                self.0.waiting.borrow_mut().clear();
                web_sys::console::warn_1(
                    &format!("kefu: intent model unavailable: {message}").into(),
                );
            }
            // A result or error missing its fields: as malformed JSON, ignored.
            _ => {}
        }
    }
}

/// Starts the model's worker for the panel's lifetime.
#[hook]
pub fn use_intent() -> IntentWorker {
    let handle = (*use_memo((), |_| IntentWorker::default())).clone();
    {
        let handle = handle.clone();
        use_effect_with((), move |_| {
            let options = WorkerOptions::new();
            options.set_type(WorkerType::Module);
            if let Ok(worker) = Worker::new_with_options("intent-worker.js", &options) {
                // A weak reference: the closure lives in the handle it calls.
                let weak = Rc::downgrade(&handle.0);
                let on_message =
                    Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                        if let Some(inner) = weak.upgrade() {
                            IntentWorker(inner).received(&event);
                        }
                    });
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                *handle.0.worker.borrow_mut() = Some(worker);
                *handle.0.on_message.borrow_mut() = Some(on_message);
            }
            move || {
                if let Some(worker) = handle.0.worker.borrow_mut().take() {
                    worker.terminate();
                }
                handle.0.on_message.borrow_mut().take();
                handle.0.waiting.borrow_mut().clear();
            }
        });
    }
    handle
}
