"""The selling platforms a shop works on (codes stored in the database)."""

PLATFORMS = ("taobao", "tmall", "pdd", "jd", "douyin", "wechat", "other")
