local ok, e = pcall(kiji.text.len, {}) return e
