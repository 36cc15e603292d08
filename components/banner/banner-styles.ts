/**
 * Banner CSS, injected into its shadow root only (WXT resets inherited page styles with
 * `all: initial`), so neither the page's CSS nor ours leaks across.
 */
export const BANNER_CSS = `
.sv-banner { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; max-width: 340px;
  display: flex; gap: 8px; align-items: flex-start; padding: 10px 12px; border-radius: 8px;
  background: #fff; color: #1f2328; border: 1px solid #d0d7de; box-shadow: 0 4px 14px rgba(0,0,0,.15);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; }
.sv-banner__text { margin: 0; display: flex; flex-direction: column; gap: 2px; }
.sv-banner__actions { display: flex; gap: 4px; align-items: center; }
.sv-banner__primary { font: inherit; cursor: pointer; padding: 4px 10px; border-radius: 6px; border: 1px solid #fb7701; background: #fb7701; color: #fff; white-space: nowrap; }
.sv-banner__dismiss { font: 16px/1 system-ui, sans-serif; cursor: pointer; padding: 2px 6px; border: none; background: transparent; color: #57606a; }
`;
