import type { UserkitLabels } from 'userkit'
import { frenchLabels } from './frenchLabels.js'

export type Language = 'en' | 'fr'

/** The demo's own strings, beside the components' (which come from the provider's `labels`). */
export interface DemoText {
  title: string
  tagline: string
  sides: string
  admin: string
  profile: string
  theme: string
  light: string
  dark: string
  language: string
  demoOnly: string
  adminIntro: string
  signInAsAdmin: (name: string) => string
  signedInAs: (name: string) => string
  signingIn: string
  signInFailed: (message: string) => string
  signOut: string
  newUser: string
  closeNewUser: string
  /** On a phone, the editor's way back to the list. */
  backToUsers: string
  /** The admin console's two ways to show users. */
  usersView: string
  tableView: string
  listView: string
  importUsers: string
  includeDeactivated: string
  pickUser: string
  /** Said (and focused) once a new user exists, above their editor. */
  userCreated: (name: string, uid: string) => string
  profileIntro: string
  signInUid: string
  signIn: string
  browserChecks: string
  browserChecksHint: string
  people: string
  pickPerson: string
  blocked: string
}

const en: DemoText = {
  title: 'Userkit demo',
  tagline: 'Every component on a real server: PGlite on disk, no key in the browser.',
  sides: 'Demo sides',
  admin: 'Admin console',
  profile: 'My profile',
  theme: 'Theme',
  light: 'Light',
  dark: 'Dark',
  language: 'Language',
  demoOnly:
    'Demo-only sign-in: this demo’s server issues an auth token for any user ID you name (CometChat’s prototype path). A real app issues tokens only after its own login.',
  adminIntro: 'The console signs in as a seeded user whose role may manage users: a token, never a key.',
  signInAsAdmin: (name) => `Sign in as ${name} (admin)`,
  signedInAs: (name) => `Signed in as ${name}`,
  signingIn: 'Signing in…',
  signInFailed: (message) => `Could not sign in: ${message}`,
  signOut: 'Sign out',
  newUser: 'New user',
  closeNewUser: 'Close the form',
  backToUsers: 'Back to users',
  usersView: 'Show users as',
  tableView: 'Table',
  listView: 'List',
  importUsers: 'Import users from a file',
  includeDeactivated: 'Include deactivated users',
  pickUser: 'Pick a user in the list to edit them.',
  userCreated: (name, uid) => `${name} (${uid}) was created. You can edit them below.`,
  profileIntro: 'Sign in as any user to edit their profile, set a status and block people.',
  signInUid: 'User ID',
  signIn: 'Sign in',
  browserChecks: 'Check fields in the browser',
  browserChecksHint: 'Untick to send whatever you type and see the server’s own answer beside each field.',
  people: 'People',
  pickPerson: 'Pick someone to see their card and block or unblock them.',
  blocked: 'Blocked',
}

const fr: DemoText = {
  title: 'Démo Userkit',
  tagline: 'Tous les composants sur un vrai serveur : PGlite sur disque, aucune clé dans le navigateur.',
  sides: 'Parties de la démo',
  admin: 'Console d’administration',
  profile: 'Mon profil',
  theme: 'Thème',
  light: 'Clair',
  dark: 'Sombre',
  language: 'Langue',
  demoOnly:
    'Connexion de démonstration : le serveur de cette démo émet un jeton pour n’importe quel identifiant (le chemin « prototype » de CometChat). Une vraie application n’émet de jeton qu’après sa propre connexion.',
  adminIntro: 'La console se connecte avec un utilisateur dont le rôle peut gérer les utilisateurs : un jeton, jamais une clé.',
  signInAsAdmin: (name) => `Se connecter en tant que ${name} (administrateur)`,
  signedInAs: (name) => `Connecté en tant que ${name}`,
  signingIn: 'Connexion…',
  signInFailed: (message) => `Connexion impossible : ${message}`,
  signOut: 'Se déconnecter',
  newUser: 'Nouvel utilisateur',
  closeNewUser: 'Fermer le formulaire',
  backToUsers: 'Retour aux utilisateurs',
  usersView: 'Afficher les utilisateurs en',
  tableView: 'Tableau',
  listView: 'Liste',
  importUsers: 'Importer des utilisateurs depuis un fichier',
  includeDeactivated: 'Inclure les utilisateurs désactivés',
  pickUser: 'Choisissez un utilisateur dans la liste pour le modifier.',
  userCreated: (name, uid) => `${name} (${uid}) a été créé. Vous pouvez le modifier ci-dessous.`,
  profileIntro: 'Connectez-vous avec n’importe quel utilisateur pour modifier son profil, définir un statut et bloquer des gens.',
  signInUid: 'Identifiant',
  signIn: 'Se connecter',
  browserChecks: 'Vérifier les champs dans le navigateur',
  browserChecksHint: 'Décochez pour envoyer tel quel et voir la réponse du serveur à côté de chaque champ.',
  people: 'Personnes',
  pickPerson: 'Choisissez quelqu’un pour voir sa fiche et le bloquer ou le débloquer.',
  blocked: 'Bloqués',
}

/** Per language: the demo's strings, the components' labels (English: their defaults) and the Intl locale. */
export const languages: Record<Language, { text: DemoText; labels: Partial<UserkitLabels>; locale: string; name: string }> = {
  en: { text: en, labels: {}, locale: 'en', name: 'English' },
  fr: { text: fr, labels: frenchLabels, locale: 'fr', name: 'Français' },
}
