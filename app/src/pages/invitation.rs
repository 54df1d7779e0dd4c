//! The link in an invitation email: what the invitation is, and the ways to answer it —
//! accept (signed in), create an account through the link (which proves the address), log in
//! first, or decline (no account needed).

use domain::access::Role;
use i18n::tr;
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::{Meta, Title};

use crate::{
    actions::members::{AnswerInvitationLink, InvitationPage, SignUpInvited, get_invitation},
    context::lang,
    forms::{Field, FormAlert, errors_of},
    links::login_url,
    scaffold::{Loaded, resource, route_param},
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
    let l = lang();
    let token = route_param("token");
    let page = resource(move || token.get(), get_invitation);
    view! {
        <Title text=tr!(l, "members-invitation-title")/>
        <Meta name="referrer" content="no-referrer"/>
        <Meta name="robots" content="noindex"/>
        <section class="auth" aria-labelledby="invitation-heading">
            <Loaded data=page render=move |page: InvitationPage| view! { <Answer page token=token.get_untracked()/> }/>
        </section>
    }
}

#[component]
fn Answer(page: InvitationPage, token: String) -> impl IntoView {
    let l = lang();
    let Some(invited) = page.invited else {
        // `domain::members::INVALID_INVITATION`, in the page's language.
        return view! {
            <h1 id="invitation-heading">{tr!(l, "members-invitation-invalid-heading")}</h1>
            <p class="form-alert">{tr!(l, "members-invitation-invalid")}</p>
            <p><a class="button" href="/">{tr!(l, "members-invitation-home")}</a></p>
        }
        .into_any();
    };
    let decline = view! {
        <form method="post" action=AnswerInvitationLink::url() class="inline-form">
            <input type="hidden" name="token" value=token.clone()/>
            <input type="hidden" name="answer" value="decline"/>
            <button class="button button--ghost" type="submit">{tr!(l, "members-invitation-decline")}</button>
        </form>
    };
    let answer = if page.signed_in {
        view! {
            <div class="confirm__actions">
                <form method="post" action=AnswerInvitationLink::url() class="inline-form">
                    <input type="hidden" name="token" value=token.clone()/>
                    <input type="hidden" name="answer" value="accept"/>
                    <button class="button" type="submit">{tr!(l, "members-invitation-join")}</button>
                </form>
                {decline}
            </div>
        }
        .into_any()
    } else {
        let here = format!("/invitations/{token}");
        view! {
            <SignUpForm token=token.clone() email=invited.email.clone()/>
            <p class="auth__switch">{tr!(l, "members-invitation-have-account")}" "<a href=login_url(&here)>{tr!(l, "members-invitation-log-in")}</a></p>
            <p class="auth__switch">{tr!(l, "members-invitation-not-you")}" "{decline}</p>
        }
        .into_any()
    };
    let (inviter, trip, destination) = (
        invited.invited_by.as_str(),
        invited.trip_name.as_str(),
        invited.destination.as_str(),
    );
    let invited_as = match invited.role {
        Role::Owner => tr!(
            l,
            "members-invitation-as-owner",
            inviter = inviter,
            trip = trip,
            destination = destination
        ),
        Role::Editor => tr!(
            l,
            "members-invitation-as-editor",
            inviter = inviter,
            trip = trip,
            destination = destination
        ),
        Role::Viewer => tr!(
            l,
            "members-invitation-as-viewer",
            inviter = inviter,
            trip = trip,
            destination = destination
        ),
    };
    view! {
        <h1 id="invitation-heading">{tr!(l, "members-invitation-heading", trip = trip)}</h1>
        <p>{invited_as}</p>
        <p class="muted">{crate::format::format_range(l, invited.start_date, invited.end_date)}</p>
        {answer}
    }
    .into_any()
}

#[component]
fn SignUpForm(token: String, email: String) -> impl IntoView {
    let l = lang();
    let action = ServerAction::<SignUpInvited>::new();
    let errors = errors_of(action.value());
    view! {
        <h2 class="section-title">{tr!(l, "members-signup-heading")}</h2>
        <ActionForm action attr:class="form" attr:novalidate=true>
            <FormAlert errors/>
            <input type="hidden" name="token" value=token/>
            <div class="field">
                <label for="invited-email">{tr!(l, "members-signup-email")}</label>
                <input id="invited-email" type="email" value=email readonly=true aria-describedby="invited-email-hint"/>
                <p class="field__hint" id="invited-email-hint">{tr!(l, "members-signup-email-hint")}</p>
            </div>
            <Field label=tr!(l, "members-signup-name") name="display_name" autocomplete="name" maxlength=80 errors/>
            <Field label=tr!(l, "members-signup-password") name="password" kind="password" autocomplete="new-password"
                hint=tr!(l, "members-signup-password-hint") errors/>
            <Field label=tr!(l, "members-signup-confirm") name="password_confirmation" kind="password"
                autocomplete="new-password" errors/>
            <button class="button" type="submit">{tr!(l, "members-signup-submit")}</button>
        </ActionForm>
    }
}
