"""WeChat Pay: APIv3 and APIv2 付款码支付 adapters, their signing, and the trade bill."""
