//! The engine behind the page: the draft kept on the phone and the
//! server, the status line, and sending (queued while offline).

use super::answers::*;
use crate::api::{self, ApiError};
use crate::feedback_drafts::{self as drafts, LocalDraft, Start};
use shared::reviews::{FeedbackScreen, SaveDraft, SendFeedback, SentFeedback, SupportMessage};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;
/// The draft, the status and the calls that save and send it, shared by
/// every handler on the page (the online listener too).
#[derive(Clone)]
pub(super) struct Engine {
    pub(super) person: Rc<str>,
    pub(super) draft: Rc<RefCell<Option<LocalDraft>>>,
    /// Bumped on every change: a server save answers for one version only.
    pub(super) seq: Rc<RefCell<u32>>,
    pub(super) sending: Rc<RefCell<bool>>,
    pub(super) status: UseStateHandle<Status>,
    pub(super) error: UseStateHandle<Option<String>>,
    pub(super) sent: UseStateHandle<Option<Rc<SentFeedback>>>,
    pub(super) support: UseStateHandle<Option<SupportMessage>>,
    /// Words that suggest harm in answers waiting to send.
    pub(super) harm_waiting: UseStateHandle<bool>,
    pub(super) redraw: UseForceUpdateHandle,
    pub(super) reload: Callback<()>,
}

impl Engine {
    /// A change to the answers: kept on the phone now, on the server soon.
    pub(super) fn edit(&self, change: impl FnOnce(&mut LocalDraft)) {
        let kept = {
            let mut slot = self.draft.borrow_mut();
            let Some(d) = slot.as_mut() else { return };
            change(d);
            tidy(&mut d.answers);
            d.synced = false;
            drafts::save(&self.person, d)
        };
        *self.seq.borrow_mut() += 1;
        self.status.set(if !kept {
            Status::NotKept
        } else if drafts::online() {
            Status::OnPhone
        } else {
            Status::OnPhoneOffline
        });
        self.redraw.force_update();
        self.sync_soon();
    }

    /// Saves to the server once typing pauses.
    pub(super) fn sync_soon(&self) {
        let (me, ticket) = (self.clone(), *self.seq.borrow());
        wasm_bindgen_futures::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(700).await;
            if *me.seq.borrow() == ticket {
                me.sync().await;
            }
        });
    }

    /// The server's copy of the draft, if the phone has changes it lacks.
    pub(super) async fn sync(&self) {
        let body = self
            .draft
            .borrow()
            .as_ref()
            .filter(|d| !d.synced && !d.send_queued)
            .map(|d| SaveDraft {
                review_id: d.review_id.clone(),
                form_id: d.form_id.clone(),
                answers: drafts::non_empty(&d.answers),
                readers: d.readers.clone(),
            });
        let Some(body) = body else { return };
        if !drafts::online() {
            self.status.set(Status::OnPhoneOffline);
            return;
        }
        let ticket = *self.seq.borrow();
        match api::save_feedback_draft(&body).await {
            Ok(view) => {
                if *self.seq.borrow() != ticket {
                    return;
                }
                if let Some(d) = self.draft.borrow_mut().as_mut() {
                    d.synced = true;
                    d.server_saved_at = Some(view.updated_at.to_rfc3339());
                    drafts::save(&self.person, d);
                }
                let queued = self.draft.borrow().as_ref().is_some_and(|d| d.send_queued);
                if !queued {
                    self.status.set(Status::Saved);
                }
                self.error.set(None);
            }
            Err(ApiError::Offline) => self.status.set(Status::OnPhoneOffline),
            // Sent already (from another phone): show that instead.
            Err(err) if err.status() == Some(409) => self.reload.emit(()),
            Err(err) => {
                self.status.set(Status::OnPhone);
                self.error.set(Some(err.message()));
            }
        }
    }

    /// "Send": remembered on the phone first, so it is sent however the
    /// page ends; sent now if there is a connection.
    pub(super) async fn send(&self) {
        if *self.sending.borrow() {
            return;
        }
        let body = {
            let mut slot = self.draft.borrow_mut();
            let Some(d) = slot.as_mut() else { return };
            d.send_queued = true;
            drafts::save(&self.person, d);
            SendFeedback {
                submission_id: d.submission_id.clone(),
                review_id: d.review_id.clone(),
                form_id: d.form_id.clone(),
                answers: drafts::non_empty(&d.answers),
                readers: d.readers.clone(),
            }
        };
        self.error.set(None);
        let harm = body
            .answers
            .iter()
            .filter_map(|a| a.text.as_deref())
            .any(|t| !shared::text_checks::find_harm(t).is_empty());
        if !drafts::online() {
            self.status.set(Status::Queued);
            self.harm_waiting.set(harm);
            self.redraw.force_update();
            return;
        }
        *self.sending.borrow_mut() = true;
        self.status.set(Status::Sending);
        let result = api::send_feedback(&body).await;
        *self.sending.borrow_mut() = false;
        match result {
            Ok(sent) => {
                drafts::remove(&self.person, &body.form_id);
                *self.draft.borrow_mut() = None;
                self.support.set(sent.support.clone());
                self.harm_waiting.set(false);
                self.sent.set(Some(Rc::new(sent)));
                self.status.set(Status::Quiet);
                // The screen again, with what was sent, as the server keeps it.
                self.reload.emit(());
                crate::components::form::focus_soon("fb-sent".to_string());
            }
            Err(ApiError::Offline) => {
                self.status.set(Status::Queued);
                self.harm_waiting.set(harm);
            }
            Err(err) => {
                if let Some(d) = self.draft.borrow_mut().as_mut() {
                    d.send_queued = false;
                    drafts::save(&self.person, d);
                }
                if err.status() == Some(409) {
                    // Already sent for this review: the page shows what.
                    self.reload.emit(());
                    return;
                }
                self.status.set(Status::OnPhone);
                self.error.set(Some(err.message()));
                self.redraw.force_update();
            }
        }
    }

    /// Back online: send what is waiting, or save what the server lacks.
    pub(super) fn online_again(&self) {
        let (queued, unsynced) = self
            .draft
            .borrow()
            .as_ref()
            .map_or((false, false), |d| (d.send_queued, !d.synced));
        let me = self.clone();
        if queued {
            wasm_bindgen_futures::spawn_local(async move { me.send().await });
        } else if unsynced {
            wasm_bindgen_futures::spawn_local(async move { me.sync().await });
        }
    }

    /// The form screen has come (from the server, or the phone's copy when
    /// offline): start from the right copy of the answers.
    pub(super) fn start(&self, screen: &FeedbackScreen) {
        let form_id = screen.form.id.as_str();
        if let Some(sent) = &screen.sent {
            drafts::remove(&self.person, form_id);
            *self.draft.borrow_mut() = None;
            self.sent.set(Some(Rc::new(sent.clone())));
            self.support.set(sent.support.clone());
            return;
        }
        let local = drafts::load(&self.person, form_id);
        let review = screen.review.id.as_str();
        let draft = match drafts::choose(local.as_ref(), screen.draft.as_ref(), review) {
            Start::Local => local.unwrap_or_else(|| LocalDraft::new(review, form_id)),
            Start::Server => {
                let server = screen.draft.clone();
                let mut d = local
                    .filter(|l| l.review_id == review)
                    .unwrap_or_else(|| LocalDraft::new(review, form_id));
                if let Some(s) = server {
                    d.answers = s.answers;
                    d.readers = s.readers;
                    d.synced = true;
                    d.send_queued = false;
                    d.server_saved_at = Some(s.updated_at.to_rfc3339());
                }
                drafts::save(&self.person, &d);
                d
            }
            Start::Empty => LocalDraft::new(review, form_id),
        };
        let (queued, unsynced) = (draft.send_queued, !draft.synced);
        *self.draft.borrow_mut() = Some(draft);
        self.sent.set(None);
        if queued {
            self.status.set(Status::Queued);
        } else if unsynced {
            self.status.set(Status::OnPhone);
        }
        if drafts::online() && (queued || unsynced) {
            self.online_again();
        }
    }
}
