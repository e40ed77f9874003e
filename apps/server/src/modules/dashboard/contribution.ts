// The contract with the modules that contribute to the start page lives in the platform (their manifests name it).
export {
  textsFrom,
  type AwaitingValue,
  type ContributionTexts,
  type DashboardContribution,
  type FigureValue,
} from '../../platform/contributions.js';
