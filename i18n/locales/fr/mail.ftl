# Les e-mails de l’application. Un texte se termine par un saut de ligne : sa dernière ligne est `{""}`.
# Les liens sont insérés par le code ; chacun reste seul sur sa ligne.

# Inscription : le lien qui crée le compte (dans la langue de la page d’inscription).
mail-signup-link-subject = Terminez la création de votre compte Travel Planner
mail-signup-link-body =
    Bonjour,

    Ouvrez ce lien pour terminer la création de votre compte Travel Planner :

    { $link }

    Le lien est valable 24 heures. Si vous n’avez pas demandé de compte, ignorez cet e-mail : rien n’est créé sans le lien.
    {""}

# Inscription avec une adresse qui a déjà un compte.
mail-signup-registered-subject = Vous avez déjà un compte Travel Planner
mail-signup-registered-body =
    Bonjour,

    Quelqu’un (vous, espérons-le) a essayé de créer un compte Travel Planner avec cette adresse, mais elle en a déjà un. Connectez-vous ici :

    { $login }

    Mot de passe oublié ? Choisissez-en un nouveau ici :

    { $forgot }

    Si ce n’était pas vous, ignorez cet e-mail : rien n’a changé.
    {""}

# Mot de passe oublié : le lien de réinitialisation (valable une heure).
mail-reset-subject = Réinitialisez votre mot de passe Travel Planner
mail-reset-body =
    Bonjour { $name },

    Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Travel Planner.
    Choisissez un nouveau mot de passe ici dans l’heure qui vient :

    { $link }

    Si ce n’était pas vous, ignorez cet e-mail : votre mot de passe reste inchangé.
    {""}

# Confirmation de l’adresse actuelle d’un compte plus ancien.
mail-confirm-subject = Confirmez votre adresse e-mail pour Travel Planner
mail-confirm-body =
    Bonjour { $name },

    Merci de confirmer que ceci est bien votre adresse e-mail :

    { $link }

    Le lien est valable sept jours. Si vous n’avez pas créé de compte Travel Planner, ignorez cet e-mail.
    {""}

# Changement d’adresse e-mail : l’avis envoyé à l’adresse actuelle.
mail-change-notice-subject = L’adresse e-mail de votre compte Travel Planner va changer
mail-change-notice-body =
    Bonjour { $name },

    Une personne connectée à votre compte Travel Planner a demandé à remplacer son adresse e-mail par { $address }. Le changement aura lieu dès que cette adresse l’aura confirmé.

    Si ce n’était pas vous, changez votre mot de passe dès maintenant : { $link }
    {""}

# Changement d’adresse e-mail : le lien envoyé à la nouvelle adresse.
mail-change-link-subject = Confirmez votre nouvelle adresse e-mail pour Travel Planner
mail-change-link-body =
    Bonjour,

    Ouvrez ce lien pour faire de cette adresse celle de votre compte Travel Planner :

    { $link }

    Le lien est valable sept jours. Si vous n’avez rien demandé, ignorez cet e-mail : rien ne change sans le lien.
    {""}

# Changement vers une adresse qui appartient déjà à un autre compte : l’avis à ce compte.
mail-change-taken-subject = Quelqu’un a essayé d’utiliser votre adresse sur Travel Planner
mail-change-taken-body =
    Bonjour,

    Une personne ayant un compte Travel Planner a demandé à remplacer son adresse e-mail par celle-ci, qui appartient déjà à un compte. Rien n’a été modifié, et vous n’avez rien à faire.
    {""}

# Une invitation à planifier un voyage ensemble. $role vaut `editor` ou `viewer`.
mail-invitation-someone = Quelqu’un
mail-invitation-subject = { $inviter } vous invite à planifier « { $trip } »
mail-invitation-body =
    Bonjour,

    { $inviter } vous invite à planifier « { $trip } » ({ $place }, { $dates }) sur Travel Planner. { $role ->
        [editor] Vous pourrez modifier le voyage et son programme.
       *[viewer] Vous pourrez consulter le voyage et son programme.
    }

    Ouvrez ce lien pour accepter ou refuser :

    { $link }

    Vous pouvez y créer un compte si vous n’en avez pas. Le lien est valable 7 jours. Si vous ne vous attendiez pas à cette invitation, ignorez cet e-mail.
    {""}
