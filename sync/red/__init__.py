"""The RED (Xiaohongshu) merchant open platform: client, OAuth and the online-store connector."""
