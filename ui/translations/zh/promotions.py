# ruff: noqa: E501
"""Chinese for promotions and members: the counter (cart savings, member look-up, points at
the tender) and the back office (promotion editor, members, their reports)."""

ZH: dict[str, str] = {
    # counter: totals, member dialog, tender
    "Promotions: {amount}": "促销优惠：{amount}",
    "Member": "会员",
    "Member {name} · {points} points": "会员 {name} · {points} 积分",
    "Type the customer's mobile number, or scan their member code": "输入顾客手机号，或扫描会员码",
    "Type the customer's mobile number": "请输入顾客手机号",
    "Mobile number": "手机号",
    "Name (optional)": "姓名（选填）",
    "The customer agrees that the store keeps their mobile number for membership": "顾客同意本店为会员服务保存其手机号",
    "Enrol as member": "注册会员",
    "Find (Enter)": "查找（Enter）",
    "No member for this sale": "本单不用会员",
    "This sale is for {name} ({points} points)": "本单会员：{name}（{points} 积分）",
    "This is not a member code": "这不是会员码",
    "Ask the customer first: membership needs their consent": "请先征得顾客同意：注册会员需要顾客同意",
    "Points": "积分抵现",
    "{points} points": "{points} 积分",
    "Points pay only for a member: find the member first (F7)": "只有会员可用积分抵现：请先查找会员（F7）",
    "The member has no points to pay with": "该会员没有可抵现的积分",
}
