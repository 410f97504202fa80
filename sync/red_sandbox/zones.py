"""A small table of China's administrative area codes, enough for the sandbox's shop and buyers.

Warehouses are created at town level (12 digits, 310105004000), covered and ranked by province,
city or district code (6 digits); orders carry the buyer's province, city and district names.
"""

from __future__ import annotations

from dataclasses import dataclass

PROVINCES = {
    "310000": "上海",
    "330000": "浙江省",
    "320000": "江苏省",
    "110000": "北京",
    "440000": "广东省",
}
CITIES = {
    "310100": "上海市",
    "330100": "杭州市",
    "320100": "南京市",
    "320500": "苏州市",
    "110100": "北京市",
    "440100": "广州市",
    "440300": "深圳市",
}
DISTRICTS = {
    "310101": "黄浦区",
    "310104": "徐汇区",
    "310105": "长宁区",
    "310106": "静安区",
    "310107": "普陀区",
    "310109": "虹口区",
    "310110": "杨浦区",
    "310112": "闵行区",
    "310115": "浦东新区",
    "330106": "西湖区",
    "330105": "拱墅区",
    "320102": "玄武区",
    "320507": "相城区",
    "110105": "朝阳区",
    "110108": "海淀区",
    "440106": "天河区",
    "440305": "南山区",
}
SHANGHAI_DISTRICTS = tuple(code for code in DISTRICTS if code.startswith("31"))
OTHER_DISTRICTS = tuple(code for code in DISTRICTS if not code.startswith("31"))
STREETS = ("南京西路", "淮海中路", "长乐路", "武康路", "愚园路", "文三路", "中山路", "建国路")


@dataclass(frozen=True, slots=True)
class Zone:
    province_code: str
    province: str
    city_code: str
    city: str
    district_code: str
    district: str


def district(code: str) -> Zone:
    """The province, city and district of a 6-digit district code (KeyError when unknown)."""
    name = DISTRICTS[code]
    province_code = code[:2] + "0000"
    city_code = code[:4] + "00"
    return Zone(province_code, PROVINCES[province_code], city_code, CITIES[city_code], code, name)


def is_known_area(code: str) -> bool:
    """A level 1, 2 or 3 code (province, city or district) the table knows."""
    return code in PROVINCES or code in CITIES or code in DISTRICTS


def covers(area_code: str, district_code: str) -> bool:
    """Whether a province/city/district code contains a district."""
    if area_code in PROVINCES:
        return district_code[:2] == area_code[:2]
    if area_code in CITIES:
        return district_code[:4] == area_code[:4]
    return district_code == area_code


def areas_of(district_code: str) -> tuple[str, str, str]:
    """The district's own code and those of its city and province, most specific first."""
    return district_code, district_code[:4] + "00", district_code[:2] + "0000"
