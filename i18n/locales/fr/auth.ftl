# Les mots des pages d’inscription, de connexion et de mot de passe.

auth-email = E-mail
auth-password = Mot de passe
auth-your-name = Votre nom
auth-confirm-password = Confirmer le mot de passe
auth-new-password = Nouveau mot de passe
auth-confirm-new-password = Confirmer le nouveau mot de passe
auth-have-account = Vous avez déjà un compte ?
auth-log-in = Se connecter
auth-checking-link = Vérification de votre lien…

# L’inscription, et sa réponse « Consultez votre boîte de réception ».

auth-signup-title = Créer un compte
auth-signup-heading = Créez votre compte
auth-signup-intro = Planifiez vos voyages, organisez chaque journée et gardez un œil sur le budget.
auth-signup-name-hint = Visible par les personnes avec qui vous partagez des voyages.
auth-signup-password-hint = Au moins 8 caractères. Quelques mots sans rapport entre eux font un mot de passe solide.
auth-signup-submit = Créer le compte
auth-sent-title = Consultez votre boîte de réception
auth-sent-text = Nous avons envoyé un lien à l’adresse indiquée. Ouvrez-le pour terminer la création de votre compte : il est valable 24 heures.
# Suivi d’un lien (auth-sent-again), puis de auth-sent-end.
auth-sent-spam = Rien reçu après quelques minutes ? Regardez dans vos courriers indésirables, ou
auth-sent-again = recommencez l’inscription
auth-sent-end = .

# La page vers laquelle renvoie l’e-mail d’inscription.

auth-finish-title = Terminer l’inscription
auth-finish-text = Ce lien confirme votre adresse. Un clic, et votre compte est prêt.
auth-finish-submit = Créer mon compte
auth-finish-invalid = Ce lien d’inscription a expiré ou a déjà été utilisé. Inscrivez-vous à nouveau pour en recevoir un nouveau.
auth-finish-again = Recommencer l’inscription

# La connexion.

auth-login-heading = Bon retour parmi nous
auth-login-forgot = Mot de passe oublié ?
auth-login-new = Première visite ?
auth-login-create = Créer un compte

# Demander un lien de réinitialisation du mot de passe.

auth-forgot-title = Mot de passe oublié ?
auth-forgot-sent = Si un compte existe pour cette adresse, un lien de réinitialisation est en route. Il est valable une heure.
auth-forgot-intro = Saisissez votre adresse e-mail : nous vous enverrons un lien pour choisir un nouveau mot de passe.
auth-forgot-submit = Envoyer le lien
auth-forgot-back = Retour à la connexion

# La page vers laquelle renvoie l’e-mail de réinitialisation.

auth-reset-title = Choisissez un nouveau mot de passe
auth-reset-password-hint = Au moins 8 caractères.
auth-reset-submit = Enregistrer le mot de passe
auth-reset-invalid = Ce lien de réinitialisation a expiré ou a déjà été utilisé. Demandez-en un nouveau ci-dessous.
auth-reset-again = M’envoyer un nouveau lien

# La page vers laquelle renvoie l’e-mail de confirmation.

auth-verify-title = Confirmez votre adresse e-mail
auth-verify-text = Un clic, et votre adresse est confirmée.
auth-verify-submit = Confirmer mon adresse

# Messages affichés sur la page suivante après l’inscription ou une confirmation.

auth-flash-welcome = Bienvenue ! Votre compte est prêt : planifiez votre premier voyage.
auth-flash-email-changed = Votre adresse e-mail a été modifiée.
auth-flash-email-confirmed = Votre adresse e-mail est confirmée.
