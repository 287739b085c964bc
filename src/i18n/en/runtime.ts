import type { runtime as zh } from '../zh-CN/runtime.js';

export const runtime: Record<keyof typeof zh, string> = {
  'runtime.console_token_required':
    "HOST={host} makes Kaopu reachable from the network, and in demo mode (no chat platform configured) the console shows every employee's scores without a password. Set CONSOLE_TOKEN (16+ characters), or unset HOST to listen on 127.0.0.1 only.",
};
