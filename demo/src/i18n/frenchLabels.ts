import type { ProfileEditorLabels, RuleCode, UserkitError, UserkitLabels } from 'userkit'

const ago = (ago: string): string => `Actif ${ago}`

// The most characters each field takes, as the server's rules say (limits in userkit/client).
const MAX_LENGTH: Record<string, number> = { uid: 100, name: 100, avatar: 3000, link: 3000, role: 100, statusMessage: 250, tags: 100 }

/** A refused field, by the rule it broke, in French. */
function fieldError(field: string, rule: RuleCode): string {
  switch (rule) {
    case 'required':
      return field === 'uid' ? 'Saisissez un identifiant.' : field === 'tags' ? 'Une étiquette ne peut pas être vide.' : field === 'role' ? 'Choisissez un rôle.' : 'Saisissez un nom.'
    case 'tooLong':
      return `${MAX_LENGTH[field] ?? 100} caractères au plus${field === 'tags' ? ' par étiquette' : ''}.`
    case 'tooMany':
      return '25 étiquettes au plus.'
    case 'tooLarge':
      return 'Les métadonnées ne peuvent pas dépasser 5 Ko.'
    case 'pattern':
      return 'Lettres, chiffres, _ et - uniquement.'
    case 'invisible':
      return 'Saisissez au moins un caractère visible.'
    case 'direction':
      return 'Retirez les caractères invisibles qui changent le sens du texte.'
    case 'unstorable':
      return 'Retirez les caractères de contrôle invisibles.'
    case 'url':
      return 'Saisissez une adresse web commençant par https://'
    case 'reservedKey':
      return 'La clé __proto__ est interdite.'
    case 'privateObject':
      return 'L’entrée @private doit contenir des clés et des valeurs.'
    case 'notFound':
      return field === 'role' ? 'Ce rôle n’existe pas sur le serveur.' : 'Introuvable sur le serveur.'
    default:
      return 'Vérifiez ce champ.'
  }
}

/** A refusal not tied to a field, by its code. */
function saveFailed(error: UserkitError): string {
  switch (error.code) {
    case 'ERR_TOO_MANY_REQUESTS':
      return 'Trop de requêtes : patientez un instant, puis enregistrez à nouveau.'
    case 'ERR_SERVICE_UNAVAILABLE':
      return 'Le serveur est indisponible. Vos modifications sont conservées ; réessayez.'
    case 'ERR_UID_NOT_FOUND':
      return 'Cet utilisateur n’existe plus.'
    default:
      return 'Enregistrement impossible. Vos modifications sont conservées ; réessayez.'
  }
}

// The strings ProfileEditor and UserEditor share (the editor's part of their labels).
const editor: Omit<ProfileEditorLabels, 'title' | 'roleHint' | 'signedOut' | 'loadError'> = {
  fieldLabel: {
    name: 'Nom',
    avatar: 'URL de l’avatar',
    link: 'Lien du profil',
    statusMessage: 'Message de statut',
    tags: 'Étiquettes',
    metadata: 'Métadonnées',
    role: 'Rôle',
  },
  required: '(obligatoire)',
  avatarPreview: (name) => `Aperçu de l’avatar de ${name}`,
  tagsHint: 'Entrée ou virgule pour ajouter une étiquette ; Retour arrière dans la case vide retire la dernière.',
  removeTag: (tag) => `Retirer l’étiquette ${tag}`,
  tagAdded: (tag) => `Étiquette ${tag} ajoutée`,
  tagRemoved: (tag) => `Étiquette ${tag} retirée`,
  sharedMetadata: 'Métadonnées',
  sharedMetadataHint: 'Visibles par quiconque peut voir cet utilisateur.',
  privateMetadata: 'Métadonnées privées',
  privateMetadataHint: 'Visibles seulement par cet utilisateur et le serveur de l’application.',
  privateBadge: 'Privé',
  metadataEmpty: 'Aucune pour l’instant.',
  metadataKey: (position, isPrivate) => `${isPrivate ? 'Clé privée' : 'Clé'} ${position}`,
  metadataValue: (key, position, isPrivate) =>
    key ? `${isPrivate ? 'Valeur privée' : 'Valeur'} de ${key}` : `${isPrivate ? 'Valeur privée' : 'Valeur'} ${position}`,
  removeMetadata: (key, position, isPrivate) => `Retirer ${isPrivate ? 'le champ privé ' : ''}${key ? `« ${key} »` : `la ligne ${position}`}`,
  addMetadata: 'Ajouter un champ',
  addPrivateMetadata: 'Ajouter un champ privé',
  keyRequired: 'Donnez une clé à cette valeur.',
  duplicateKey: (key) => `La clé « ${key} » est utilisée deux fois.`,
  reservedKey: (key) => `« ${key} » est réservée : ajoutez les champs privés plus bas.`,
  fieldError,
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  saved: 'Enregistré.',
  nothingToSave: 'Rien n’a changé.',
  reset: 'Annuler les modifications',
  discardQuestion: 'Abandonner vos modifications non enregistrées ?',
  discardConfirm: 'Abandonner',
  discardCancel: 'Continuer à modifier',
  discarded: 'Modifications abandonnées.',
  fixErrors: 'Certains champs sont à corriger.',
  networkError: 'Serveur injoignable. Vos modifications sont conservées ; réessayez.',
  forbidden: 'Vous n’avez pas le droit de faire ces modifications.',
  saveFailed,
  loading: 'Chargement…',
  retry: 'Réessayer',
  conflictTitle: 'Quelqu’un d’autre a modifié ce profil pendant que vous le modifiiez',
  conflictHint: 'Pour chaque champ, gardez votre version ou prenez celle du serveur, puis enregistrez à nouveau.',
  yours: 'La vôtre',
  theirs: 'Sur le serveur',
  emptyValue: '(vide)',
  choiceLegend: (field) => field,
  keepAllMine: 'Tout garder de mon côté',
  takeAllTheirs: 'Tout prendre du serveur',
  applyChoices: 'Appliquer ces choix',
  conflictResolved: 'Relisez le formulaire et enregistrez à nouveau.',
  conflictMerged: 'Ce profil a changé sur le serveur entre-temps ; ces changements sont maintenant dans le formulaire. Enregistrez à nouveau.',
}

/** Every string of every component, in French: the provider's `labels` with `locale="fr"`. */
// What every list of users (UserList, UsersTable) says the same way.
const userFilters = {
  search: 'Rechercher des utilisateurs',
  signedOut: 'Connectez-vous pour voir les utilisateurs.',
  role: 'Rôle',
  anyRole: 'Tous les rôles',
  roleName: (role: string) => frenchRole(role),
  status: 'Statut',
  anyStatus: 'Tous les statuts',
  online: 'En ligne',
  offline: 'Hors ligne',
  deactivated: 'Désactivé',
  tags: 'Étiquettes',
  tagsHint: 'Séparez les étiquettes par des virgules',
  tagsMatch: 'Correspondance',
  tagsMatchAny: 'L’une de ces étiquettes',
  tagsMatchAll: 'Toutes ces étiquettes',
  activeFilters: 'Filtres actifs',
  filterChip: (kind: 'role' | 'status' | 'tag', value: string) =>
    kind === 'role' ? `Rôle : ${value}` : kind === 'status' ? `Statut : ${value}` : `Étiquette : ${value}`,
  removeFilter: (chip: string) => `Retirer le filtre ${chip}`,
  clearFilters: 'Tout effacer',
  clearFiltersLabel: 'Effacer tous les filtres',
  loading: 'Chargement des utilisateurs…',
  count: (total: number, shown: string) => (total <= 1 ? `${shown} utilisateur` : `${shown} utilisateurs`),
  empty: (search: string, filtered: boolean) =>
    search ? `Aucun utilisateur ne correspond à « ${search} »` : filtered ? 'Aucun utilisateur ne correspond à ces filtres' : 'Aucun utilisateur pour l’instant',
  retry: 'Réessayer',
}

export const frenchLabels: UserkitLabels = {
  avatar: {
    avatarOf: (name) => name,
    avatarWithPresence: (name, online) => `${name} (${online ? 'en ligne' : 'hors ligne'})`,
  },
  avatarPicker: {
    choose: 'Choisir une photo',
    dropHint: 'ou déposez-en une ici, ou collez-la',
    cropArea: 'Cadrage de la photo',
    cropHint: 'Faites glisser ou utilisez les flèches pour déplacer la photo ; + et − zooment.',
    zoom: 'Zoom',
    confirm: 'Utiliser cette photo',
    cancel: 'Annuler',
    remove: 'Retirer la photo',
    uploading: 'Envoi de la photo',
    uploadingPercent: (percent) => `Envoi… ${percent} %`,
    uploaded: 'Photo enregistrée.',
    removed: 'Photo retirée.',
    pending: 'Cette photo sera enregistrée avec l’utilisateur.',
    notAPicture: 'Ce fichier n’est pas une image utilisable — choisissez un PNG, JPEG, WebP ou GIF.',
    tooLarge: 'Cette image est trop grande — choisissez-en une de moins de 5 Mo.',
    uploadFailed: 'La photo n’a pas pu être enregistrée. Réessayez.',
  },
  blockButton: {
    block: 'Bloquer',
    blockUser: (name) => `Bloquer ${name}`,
    unblock: 'Débloquer',
    unblockUser: (name) => `Débloquer ${name}`,
    blocked: 'Bloqué',
    confirmQuestion: (name) => `Bloquer ${name} ?`,
    confirmBlock: 'Oui, bloquer',
    cancel: 'Annuler',
    blockFailed: (name) => `Impossible de bloquer ${name}. Réessayez.`,
    unblockFailed: (name) => `Impossible de débloquer ${name}. Réessayez.`,
  },
  blockedUsersList: {
    list: 'Utilisateurs bloqués',
    empty: 'Vous n’avez bloqué personne',
    loading: 'Chargement des utilisateurs bloqués…',
    signedOut: 'Connectez-vous pour voir qui vous avez bloqué.',
    loadFailed: 'Impossible de charger les utilisateurs que vous avez bloqués.',
    retry: 'Réessayer',
    unblock: 'Débloquer',
    unblockUser: (name) => `Débloquer ${name}`,
    unblockFailed: (name) => `Impossible de débloquer ${name}. Réessayez.`,
    loadMore: 'Afficher plus',
    loadMoreFailed: 'Impossible de charger plus d’utilisateurs bloqués.',
  },
  createUserForm: {
    form: 'Créer un utilisateur',
    signedOut: 'Connectez-vous pour créer des utilisateurs.',
    uid: 'Identifiant',
    uidHint: (max) => `1 à ${max} lettres, chiffres, _ ou -. Insensible à la casse, et non modifiable ensuite.`,
    checking: 'Vérification…',
    available: (uid) => `${uid} est disponible`,
    taken: (uid) => `${uid} est déjà pris`,
    availabilityUnknown: 'Impossible de vérifier si cet identifiant est libre',
    uidTaken: 'Un utilisateur a déjà cet identifiant',
    name: 'Nom',
    avatar: 'URL de l’avatar',
    avatarPreview: 'Aperçu de l’avatar',
    link: 'Lien du profil',
    role: 'Rôle',
    roleName: (role) => frenchRole(role),
    tags: 'Étiquettes',
    tagsHint: 'Entrée ou virgule pour ajouter une étiquette ; Retour arrière dans la case vide retire la dernière.',
    removeTag: (tag) => `Retirer l’étiquette ${tag}`,
    metadata: 'Métadonnées',
    metadataKey: (row) => `Clé ${row}`,
    metadataValue: (_key, row) => `Valeur ${row}`,
    addMetadata: 'Ajouter une entrée',
    removeMetadata: (key, row) => `Retirer l’entrée ${key || row}`,
    duplicateMetadataKey: (key) => `La clé ${key} est utilisée deux fois`,
    emptyMetadataKey: 'Chaque entrée a besoin d’une clé',
    optional: '(facultatif)',
    submit: 'Créer l’utilisateur',
    submitting: 'Création…',
    created: (user) => `${user.name} (${user.uid}) créé`,
    submitFailed: (error) => {
      switch (error.code) {
        case 'ERR_NETWORK':
          return 'Serveur injoignable. Vos saisies sont conservées : réessayez.'
        case 'AUTH_ERR_NO_ACCESS':
          return 'Vous n’avez pas le droit de créer des utilisateurs.'
        case 'ERR_ROLE_NOT_FOUND':
          return 'Ce rôle n’existe pas sur le serveur.'
        case 'ERR_TOO_MANY_REQUESTS':
          return 'Trop de requêtes : patientez un instant et réessayez.'
        case 'ERR_SERVICE_UNAVAILABLE':
          return 'Le serveur est indisponible. Vos saisies sont conservées : réessayez.'
        default:
          return 'L’utilisateur n’a pas été créé. Vos saisies sont conservées : réessayez.'
      }
    },
    fieldError,
  },
  importUsers: {
    title: 'Importer des utilisateurs',
    file: 'Fichier CSV ou JSON Lines',
    hint: 'Une ligne d’en-tête (uid, name, role, tags…) en CSV, un utilisateur par ligne en JSON Lines. Les utilisateurs sont créés ou mis à jour selon leur uid.',
    check: 'Vérifier le fichier',
    import: 'Importer',
    checking: 'Vérification…',
    importing: 'Import en cours…',
    wouldChange: (created, updated, unchanged, failed) =>
      `Créerait ${created}, mettrait à jour ${updated} et laisserait ${unchanged} tels quels${failed > 0 ? ` ; ${failed} ligne${failed > 1 ? 's' : ''} en erreur ser${failed > 1 ? 'aient' : 'ait'} ignorée${failed > 1 ? 's' : ''}` : ''}. Rien n’a encore été écrit.`,
    imported: (created, updated, unchanged, failed) =>
      `${created} créé${created > 1 ? 's' : ''}, ${updated} mis à jour, ${unchanged} inchangé${unchanged > 1 ? 's' : ''}${failed > 0 ? ` ; ${failed} ligne${failed > 1 ? 's' : ''} ignorée${failed > 1 ? 's' : ''}` : ''}.`,
    errorsTitle: (count) => `${count} ligne${count > 1 ? 's' : ''} à corriger`,
    rowError: (error) =>
      `Ligne ${error.line}${error.uid ? ` (${error.uid})` : ''}${error.field ? `, ${error.field}` : ''} : ${error.field && error.rule ? fieldError(error.field, error.rule) : error.message}`,
    refused: (code) =>
      code === 'ERR_PAYLOAD_TOO_LARGE'
        ? 'Ce fichier est trop gros pour un seul import : découpez-le et réessayez.'
        : code === 'AUTH_ERR_NO_ACCESS'
          ? 'Vous n’avez pas le droit d’importer des utilisateurs.'
          : code === 'ERR_NETWORK'
            ? 'Serveur injoignable : rien n’a été importé. Réessayez.'
            : code === 'ERR_BAD_REQUEST'
              ? 'Ce fichier n’a pas pu être lu : vérifiez sa ligne d’en-tête et ses guillemets.'
              : 'L’import a échoué ; rien n’a été écrit. Réessayez.',
    notAFile: 'Choisissez un fichier .csv ou .jsonl.',
  },
  presenceBadge: {
    online: 'En ligne',
    offline: 'Hors ligne',
    activeJustNow: 'Actif à l’instant',
    activeAgo: ago,
  },
  profileEditor: {
    ...editor,
    title: 'Votre profil',
    saved: 'Profil enregistré.',
    roleHint: 'Seul un administrateur peut changer votre rôle.',
    signedOut: 'Connectez-vous pour modifier votre profil.',
    loadError: 'Impossible de charger votre profil.',
  },
  userCard: {
    role: (role) => (role === 'default' ? null : frenchRole(role)),
    tags: 'Étiquettes',
    linkText: (url) => `${url.host}${url.pathname === '/' ? '' : url.pathname}`,
    opensInNewTab: '(s’ouvre dans un nouvel onglet)',
    blockedByMe: 'Vous avez bloqué cet utilisateur',
    hasBlockedMe: 'Cet utilisateur vous a bloqué',
    loading: 'Chargement de l’utilisateur…',
    signedOut: 'Connectez-vous pour voir cet utilisateur.',
    loadFailed: (code) =>
      code === 'ERR_UID_NOT_FOUND' ? 'Cet utilisateur n’existe pas ou a été désactivé.' : 'Impossible de charger cet utilisateur.',
    retry: 'Réessayer',
  },
  userEditor: {
    ...editor,
    conflictTitle: 'Quelqu’un d’autre a modifié cet utilisateur pendant que vous le modifiiez',
    title: (name) => `Modifier ${name}`,
    loadingTitle: 'Modifier l’utilisateur',
    saved: 'Utilisateur enregistré.',
    loadError: 'Impossible de charger cet utilisateur.',
    notFound: 'Cet utilisateur n’existe pas.',
    signedOut: 'Connectez-vous pour modifier des utilisateurs.',
    roleSelfHint: 'Personne ne peut changer son propre rôle.',
    readOnlyNotice: 'Vous pouvez voir cet utilisateur, mais pas le modifier.',
    forbidden: 'Vous n’avez pas le droit de gérer les utilisateurs : le serveur a refusé. Le formulaire est en lecture seule.',
    deactivate: 'Désactiver l’utilisateur',
    reactivate: 'Réactiver l’utilisateur',
    deactivateQuestion: (name) => `Désactiver ${name} ? Il disparaît des listes et ne peut plus se connecter avant d’être réactivé.`,
    reactivateQuestion: (name) => `Réactiver ${name} ? Il peut de nouveau se connecter et apparaît dans les listes.`,
    cancel: 'Annuler',
    deactivatedNotice: (name) => `${name} est désactivé : réactivez-le pour le modifier.`,
    deactivated: (name) => `${name} a été désactivé.`,
    reactivated: (name) => `${name} a été réactivé.`,
    uid: 'Identifiant',
    created: 'Créé',
    updated: 'Dernière modification',
    deletePermanently: 'Supprimer définitivement',
    deleteQuestion: (name) => `Supprimer ${name} définitivement ? Son profil, ses connexions et ses blocages sont effacés ; c’est irréversible.`,
    deleted: (name) => `${name} a été supprimé.`,
    deleteFailed: (message) => `Suppression impossible : ${message}`,
  },
  usersTable: {
    ...userFilters,
    table: 'Utilisateurs',
    columnHeader: {
      user: 'Utilisateur',
      uid: 'Identifiant',
      role: 'Rôle',
      presence: 'Dernière activité',
      statusMessage: 'Message de statut',
      tags: 'Étiquettes',
      createdAt: 'Créé le',
      updatedAt: 'Modifié le',
    },
    columns: 'Colonnes',
    density: 'Densité',
    comfortable: 'Confortable',
    compact: 'Compacte',
    selectRow: (name) => `Sélectionner ${name}`,
    selectPage: 'Sélectionner tous les utilisateurs de cette page',
    selected: (count, allMatching) =>
      allMatching ? `Les ${count} utilisateurs correspondants sont sélectionnés` : count === 1 ? '1 utilisateur sélectionné' : `${count} utilisateurs sélectionnés`,
    selectMatching: (total) => `Sélectionner les ${total} utilisateurs correspondants`,
    clearSelection: 'Tout désélectionner',
    previousPage: 'Page précédente',
    nextPage: 'Page suivante',
    page: (page, pages) => `Page ${page} sur ${pages}`,
    perPage: 'Lignes par page',
    loadError: 'Les utilisateurs n’ont pas pu être chargés.',
    bulkActions: 'Avec les utilisateurs sélectionnés',
    deactivate: 'Désactiver',
    reactivate: 'Réactiver',
    newRole: 'Nouveau rôle',
    applyRole: 'Changer le rôle',
    tag: 'Étiquette',
    addTag: 'Ajouter l’étiquette',
    removeTag: 'Retirer l’étiquette',
    exportCsv: 'Exporter en CSV',
    exportJsonl: 'Exporter en JSON Lines',
    deletePermanently: 'Supprimer définitivement',
    deleteQuestion: (count) =>
      `Supprimer définitivement ${count === 1 ? '1 utilisateur' : `${count} utilisateurs`} ? Leurs données seront effacées, sans retour possible.`,
    deleteWord: 'SUPPRIMER',
    deleteConfirmLabel: (word) => `Tapez ${word} pour confirmer`,
    cancel: 'Annuler',
    working: 'En cours…',
    bulkProgress: (processed, total) => `${processed.toLocaleString('fr')} utilisateurs traités sur ${total.toLocaleString('fr')}…`,
    moreFailures: (count) => `… et ${count === 1 ? '1 autre' : `${count} autres`}.`,
    bulkStopped: (processed, total) =>
      `L’action s’est arrêtée après ${processed.toLocaleString('fr')} utilisateurs sur ${total.toLocaleString('fr')}, ou n’a plus pu être suivie : ce qui est fait le reste. Regardez le tableau, puis relancez-la pour la terminer.`,
    bulkDone: (succeeded, failed) =>
      `${succeeded === 1 ? '1 utilisateur modifié' : `${succeeded} utilisateurs modifiés`}${failed > 0 ? ` ; ${failed === 1 ? '1 n’a pas pu l’être' : `${failed} n’ont pas pu l’être`}` : ''}.`,
    bulkFailure: (uid, code) =>
      `${uid} : ${code === 'ERR_UID_NOT_FOUND' ? 'n’existe plus' : code === 'AUTH_ERR_NO_ACCESS' ? 'vous ne pouvez pas modifier cet utilisateur (votre propre rôle ou compte, par exemple)' : code === 'ERR_ROLE_NOT_FOUND' ? 'ce rôle n’existe pas' : 'n’a pas pu être modifié'}`,
    bulkRefused: (code) =>
      code === 'ERR_TOO_MANY_USERS'
        ? 'Trop d’utilisateurs pour une seule action : affinez le filtre et réessayez.'
        : code === 'ERR_CONFLICT'
          ? 'Les utilisateurs correspondant au filtre ont changé entre-temps : regardez le tableau à nouveau, puis réessayez.'
          : code === 'AUTH_ERR_NO_ACCESS'
            ? 'Vous n’avez pas le droit de faire cela.'
            : code === 'ERR_ROLE_NOT_FOUND'
              ? 'Ce rôle n’existe pas sur le serveur.'
              : code === 'ERR_NETWORK'
                ? 'Serveur injoignable : rien n’a été modifié. Réessayez.'
                : 'L’action a échoué. Réessayez.',
  },
  userList: {
    ...userFilters,
    filters: 'Filtres',
    blocked: 'Bloqué',
    list: 'Utilisateurs',
    loadingMore: 'Chargement d’autres utilisateurs…',
    loadError: 'Les utilisateurs n’ont pas pu être chargés.',
    loadMoreError: 'La suite n’a pas pu être chargée.',
  },
  userMenu: {
    trigger: (name, online) => `Menu du compte de ${name} (${online ? 'en ligne' : 'hors ligne'})`,
    editProfile: 'Modifier le profil',
    setStatus: 'Définir le message de statut',
    logout: 'Se déconnecter',
    statusMessage: 'Message de statut',
    noStatusMessage: 'Aucun message de statut',
    statusForm: 'Définir le message de statut',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    cancel: 'Annuler',
    statusSaved: 'Message de statut enregistré',
    statusCleared: 'Message de statut effacé',
    statusFailed: (error) =>
      error.code === 'ERR_NETWORK'
        ? 'Serveur injoignable : votre message de statut n’a pas été enregistré. Réessayez.'
        : error.code === 'ERR_TOO_MANY_REQUESTS'
          ? 'Trop de requêtes : patientez un instant et réessayez.'
          : 'Votre message de statut n’a pas été enregistré. Réessayez.',
    fieldError,
  },
}

/** The demo's roles, as French speakers read them. */
export function frenchRole(role: string): string {
  return role === 'admin' ? 'administrateur' : role === 'moderator' ? 'modérateur' : role === 'default' ? 'standard' : role
}
