// The contract with the modules that feed the notification centre lives in the platform (their manifests name it).
export {
  fill,
  kindsFrom,
  type KindTexts,
  type NotificationDraft,
  type NotificationKind,
  type NotificationProducer,
} from '../../platform/contributions.js';
