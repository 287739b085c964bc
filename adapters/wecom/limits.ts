// WeCom's published limits, in one place so render and client share them.
// Template card fields (模板卡片消息, https://developer.work.weixin.qq.com/document/path/90236):
// lengths are in characters ("字") unless named *Bytes.
export const LIMITS = {
  mainTitleChars: 36,
  mainTitleDescChars: 44,
  subTitleTextChars: 160,
  horizontalItems: 6,
  horizontalKeyChars: 5,
  horizontalValueChars: 30,
  jumpItems: 3,
  jumpTitleChars: 18,
  buttons: 6,
  buttonTextChars: 10,
  sourceDescChars: 13,
  /** Button and menu keys come back as EventKey; at most 1024 bytes. */
  keyBytes: 1024,
  /** task_id: digits, letters and _-@, at most 128 bytes, unique per app. */
  taskIdBytes: 128,
  /** markdown through message/send and appchat/send (应用消息 markdown). */
  appMarkdownBytes: 2048,
  /** markdown through a group robot webhook (群机器人, document/path/91770). */
  robotMarkdownBytes: 4096,
  textBytes: 2048,
} as const;

// Rate limits. Group robots: 20 messages per minute each (document/path/91770); the app may send
// a member at most 30 messages per minute and silently drops the rest (document/path/90236);
// each corp may call one API 10,000 times per minute (频率限制, document/path/90312).
export const RATES = {
  robotPerWindow: 20,
  robotWindowMs: 60_000,
  memberPerWindow: 30,
  memberWindowMs: 60_000,
  apiMinTimeMs: 6,
  apiConcurrency: 8,
} as const;

/** Refresh the access token this long before WeCom says it expires (expires_in is 7200 s). */
export const TOKEN_EARLY_REFRESH_MS = 5 * 60_000;

// message/send's duplicate check drops a request whose JSON repeats within this interval
// (default 1800 s, at most 4 h). Ours has to cover the outbox's retries (1+2+4+8+16 s backoff, or
// a Retry-After of a few minutes) and the crash recovery window: a send interrupted by a crash is
// sent again, byte for byte, when the process restarts, and WeCom drops it if the first one went
// out. 10 minutes covers a process manager's restart or a rolling deploy; a longer interval would
// swallow more of a user's deliberate repeats ("help" twice), since identical requests produce
// identical JSON. A restart later than this can show an interrupted message twice.
export const DUPLICATE_CHECK_SECONDS = 600;
