//! The link in an invitation email: what the invitation is, and the ways to answer it —
//! accept (signed in), create an account through the link (which proves the address), log in
//! first, or decline (no account needed).

use domain::members::INVALID_INVITATION;
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Meta, Title};

use crate::{
    actions::members::{AnswerInvitationLink, InvitationPage, SignUpInvited, get_invitation},
    forms::{Field, FormAlert, errors_of},
    links::login_url,
    pages::members::role_name,
    scaffold::{Loaded, route_param},
};

#[component]
pub fn InvitationPageView() -> impl IntoView {
    // The token is in the URL: keep it out of Referer headers sent to other sites.
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::REFERRER_POLICY,
            http::HeaderValue::from_static("no-referrer"),
        );
    }
    let token = route_param("token");
    let page = Resource::new(move || token.get(), get_invitation);
    view! {
        <Title text="Invitation"/>
        <Meta name="referrer" content="no-referrer"/>
        <Meta name="robots" content="noindex"/>
        <section class="auth" aria-labelledby="invitation-heading">
            <Loaded data=page render=move |page: InvitationPage| view! { <Answer page token=token.get_untracked()/> }/>
        </section>
    }
}

#[component]
fn Answer(page: InvitationPage, token: String) -> impl IntoView {
    let Some(invited) = page.invited else {
        return view! {
            <h1 id="invitation-heading">"This invitation can’t be used"</h1>
            <p class="form-alert">{INVALID_INVITATION}</p>
            <p><a class="button" href="/">"Go to the home page"</a></p>
        }
        .into_any();
    };
    let decline = view! {
        <form method="post" action=AnswerInvitationLink::url() class="inline-form">
            <input type="hidden" name="token" value=token.clone()/>
            <input type="hidden" name="answer" value="decline"/>
            <button class="button button--ghost" type="submit">"Decline"</button>
        </form>
    };
    let answer = if page.signed_in {
        view! {
            <div class="confirm__actions">
                <form method="post" action=AnswerInvitationLink::url() class="inline-form">
                    <input type="hidden" name="token" value=token.clone()/>
                    <input type="hidden" name="answer" value="accept"/>
                    <button class="button" type="submit">"Join the trip"</button>
                </form>
                {decline}
            </div>
        }
        .into_any()
    } else {
        let here = format!("/invitations/{token}");
        view! {
            <SignUpForm token=token.clone() email=invited.email.clone()/>
            <p class="auth__switch">"Already have an account? "<a href=login_url(&here)>"Log in to accept"</a></p>
            <p class="auth__switch">"Not for you? "{decline}</p>
        }
        .into_any()
    };
    view! {
        <h1 id="invitation-heading">{format!("Plan “{}” together", invited.trip_name)}</h1>
        <p>{format!(
            "{} invited you to {} ({}) as {}.",
            invited.invited_by,
            invited.trip_name,
            invited.destination,
            role_name(invited.role).to_lowercase(),
        )}</p>
        <p class="muted">{crate::format::format_range(crate::context::lang(), invited.start_date, invited.end_date)}</p>
        {answer}
    }
    .into_any()
}

#[component]
fn SignUpForm(token: String, email: String) -> impl IntoView {
    let action = ServerAction::<SignUpInvited>::new();
    let errors = errors_of(action.value());
    view! {
        <h2 class="section-title">"Create your account"</h2>
        <ActionForm action attr:class="form" attr:novalidate=true>
            <FormAlert errors/>
            <input type="hidden" name="token" value=token/>
            <div class="field">
                <label for="invited-email">"Email"</label>
                <input id="invited-email" type="email" value=email readonly=true aria-describedby="invited-email-hint"/>
                <p class="field__hint" id="invited-email-hint">"The address the invitation was sent to."</p>
            </div>
            <Field label="Your name" name="display_name" autocomplete="name" maxlength=80 errors/>
            <Field label="Password" name="password" kind="password" autocomplete="new-password"
                hint="At least 8 characters." errors/>
            <Field label="Confirm password" name="password_confirmation" kind="password"
                autocomplete="new-password" errors/>
            <button class="button" type="submit">"Create account and join"</button>
        </ActionForm>
    }
}
