"""ShopDesk (店铺客服台): desktop customer service for a small online shop."""

__version__ = "0.1.0"
APP_NAME = "ShopDesk"
