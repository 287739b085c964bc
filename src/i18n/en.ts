import { consoleUi } from './en/console.js';
import { core } from './en/core.js';
import { slackUi } from './en/slack.js';
import type { MessageKey } from './index.js';

// Typed against zh-CN: a key missing here (or extra) is a type error.
export const en: Record<MessageKey, string> = { ...core, ...consoleUi, ...slackUi };
