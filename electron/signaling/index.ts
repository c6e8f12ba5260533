export { DEFAULT_LIMITS, resolveLimits, type SignalingLimits } from './limits';
export { parseClientMessage, type ClientMessage, type IgnoredReason } from './messages';
export { MessageRateLimiter, type RateDecision } from './rate-limit';
export {
  startSignalingServer,
  type SignalingLogEntry,
  type SignalingServer,
  type SignalingServerOptions,
  type SignalingStats,
} from './server';
