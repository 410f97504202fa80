# ruff: noqa: E501
"""Chinese for the back office (ui/backoffice)."""

ZH: dict[str, str] = {
    # navigation
    "Online orders": "线上订单",
    # orders screen
    "Online orders to fulfil": "待履约的线上订单",
    "Refresh": "刷新",
    "Show finished too": "显示已完成",
    "Order": "订单",
    "Kind": "方式",
    "Status": "状态",
    "Items": "件数",
    "Choose an order, then scan each item": "选择订单，然后逐件扫码拣货",
    "Item": "商品",
    "Ordered": "订购",
    "Picked": "已拣",
    "Packed": "已打包",
    "Print parcel label": "打印包裹标签",
    "Express number": "快递单号",
    "Ship": "发货",
    "Pickup: scan the code on the customer's phone": "自提：扫描顾客手机上的提货码",
    "New online order: {orders}": "新线上订单：{orders}",
    "The online store has not been reached yet": "尚未连接线上店铺",
    "Online store connected": "线上店铺已连接",
    "Online store not reachable: {error}": "无法连接线上店铺：{error}",
    "%n delivery(s) waiting to be sent": "%n 个发货待同步",
    "Pickup": "到店自提",
    "Cancelled": "已取消",
    "Delivered": "已交付",
    "Picking": "拣货中",
    "To pick": "待拣货",
    "Cancelled after hand-over": "交付后被取消",
    "Refused online: {reason}": "线上拒绝：{reason}",
    "Handed over, telling the online store": "已交付，正在通知线上店铺",
    "No online orders to fulfil": "没有待履约的线上订单",
    "Order {order} · {kind} · paid {paid}": "订单 {order} · {kind} · 实付 {paid}",
    "For {name} {phone}": "收货人 {name} {phone}",
    "For {receiver}": "收货人：{receiver}",
    "Picked up by {receiver}": "提货人：{receiver}",
    "Customer": "顾客",
    "Amount": "金额",
    "Variant": "规格",
    # receivers
    "Cancel asked": "申请取消",
    "Created": "下单时间",
    "Online orders (receivers masked)": "线上订单（收货人脱敏）",
    "Receiver (masked)": "收货人（脱敏）",
    "Online order {order} has no receiver phone": "线上订单 {order} 没有收货人电话",
    "Only a manager may see a receiver's phone in clear": "只有店长可以查看收货人电话明文",
    "Receiver's phone: {phone}": "收货人电话：{phone}",
    "Show the phone (manager)": "查看电话（店长）",
    "Staff {staff} looked at the receiver's phone of online order {order}": (
        "员工 {staff} 查看了线上订单 {order} 的收货人电话"
    ),
    # couriers and express numbers
    "The couriers could not be read from the online store: {reason}": "无法从线上店铺读取快递公司列表：{reason}",
    "Correct express number": "更正快递单号",
    "Courier": "快递公司",
    "Courier {code} is not in the online store's list: choose one from the list": (
        "快递公司 {code} 不在线上店铺的列表中：请从列表中选择"
    ),
    "Express number of order {order} corrected; the online store is told": (
        "订单 {order} 的快递单号已更正；将通知线上店铺"
    ),
    "Online order {order} has not been shipped with a courier": "线上订单 {order} 未通过快递发出",
    "Type the correct express number": "请输入正确的快递单号",
    "Express number of online order {order} corrected by staff {staff}": (
        "线上订单 {order} 的快递单号已由员工 {staff} 更正"
    ),
    "The online store refused the corrected express number of order {order}: {reason}": (
        "线上店铺拒绝了订单 {order} 更正后的快递单号：{reason}"
    ),
    # split shipment (parcels)
    "A parcel cannot hold {units} of {item}: {left} still to send": "一个包裹装不下 {units} 件 {item}：还剩 {left} 件待发",
    "Nothing of online order {order} is left to send": "线上订单 {order} 已没有待发的商品",
    "Online order {order} has no line {line}": "线上订单 {order} 没有第 {line} 行",
    "Online order {order} is handed over whole at the counter": "线上订单 {order} 须在柜台整单交付",
    "Pack these, the rest later": "先打包这些，其余稍后发",
    "Packed as parcel {n} (units: {units}): print its label and ship it; units to follow later: {left}": (
        "已将 {units} 件打包为第 {n} 个包裹：请打印标签并发货；其余 {left} 件稍后发出"
    ),
    "Parcel {n}": "包裹 {n}",
    "Parcel {n} of order {order} has left the store": "订单 {order} 的第 {n} 个包裹已出店",
    "Parcel {n}: {courier} {number} (units: {units}, {state})": "包裹 {n}：{courier} {number}（{units} 件，{state}）",
    "Parcel {parcel} of online order {order} already has express number {number}": (
        "线上订单 {order} 的第 {parcel} 个包裹已使用快递单号 {number}"
    ),
    "Parcel {parcel} of online order {order} delivered": "线上订单 {order} 的第 {parcel} 个包裹已发货",
    "Express number of parcel {parcel} of online order {order} corrected by staff {staff}": (
        "线上订单 {order} 第 {parcel} 个包裹的快递单号已由员工 {staff} 更正"
    ),
    "Part shipped · units still to send: {left}": "部分已发：还有 {left} 件待发",
    "Sent": "已发",
    "This parcel finishes no product of online order {order}: the online store records a split shipment by whole products, so put the last units of at least one product in it": (
        "这个包裹没有发完线上订单 {order} 的任何一种商品：线上店铺按整种商品记录拆包发货，请至少放入一种商品的全部剩余件数"
    ),
    "This parcel finishes no product: the online store records a split shipment by whole products, so pick the last units of at least one product first": (
        "这个包裹没有发完任何一种商品：线上店铺按整种商品记录拆包发货，请先拣齐至少一种商品的全部剩余件数"
    ),
    "{item} picked, {left} to go (or pack these and send the rest later)": (
        "已拣 {item}，还剩 {left} 件（也可先打包这些，其余稍后发）"
    ),
    # after-sales
    "Exchange {returns} cannot be sent now: its goods must be back here first, and it is sent once": (
        "换货单 {returns} 现在不能发出：须先收到退回的商品，且只能发出一次"
    ),
    "Send instead: {items}": "换发：{items}",
    "Send the exchange": "发出换货",
    "The exchange has left the store; the online store is told": "换货已发出；将通知线上店铺",
    "The exchange of online order {order} was sent ({returns}): {units} units": (
        "线上订单 {order} 的换货已发出（{returns}）：{units} 件"
    ),
    "The online store refused the exchange sent for {returns}: {reason}": (
        "线上店铺拒绝了 {returns} 的换货发货：{reason}"
    ),
    "After-sale {returns} of order {order}: {kind}": "订单 {order} 的售后单 {returns}：{kind}",
    "All returned items scanned: book them into stock": "退货已全部扫描：请入库",
    "Awaiting review": "待审核",
    "Buyer to send back": "待买家寄回",
    "Book returned goods into stock": "退货入库",
    "Choose a return to receive its goods": "选择一个退货单以收货",
    "Choose a return whose goods are on their way back first": "请先选择商品正在寄回的退货单",
    "Closed": "已关闭",
    "Done": "已完成",
    "Exchange": "换货",
    "Exchange sent": "换货已发出",
    "Exchange: to send": "换货：请发出新商品",
    "Coming back: receive": "寄回中：请收货",
    "Online returns": "线上退货",
    "Online returns and refunds": "线上退货与退款",
    "Receipt refused": "已拒收",
    "Received, confirmed online": "已收货，线上已确认",
    "Received, telling the online store": "已收货，正在通知线上店铺",
    "Received; refused online: {reason}": "已收货；线上拒绝：{reason}",
    "Refund only": "仅退款",
    "Cancel (refund)": "取消（退款）",
    "Refused": "已拒绝",
    "Returned goods are back in stock; the online store is told": "退货已入库；将通知线上店铺",
    "Scanned": "已扫描",
    "The platform is involved": "平台已介入",
    "This item is not in the return, or all of it is scanned": "此商品不在退货单中，或已全部扫描",
    "Unknown": "未知",
    "Withdrawn": "已撤销",
    "{left} more to scan": "还需扫描 {left} 件",
    "After-sale {returns} is not waiting for goods to come back to this store": (
        "售后单 {returns} 不是等待商品退回本店的状态"
    ),
    "After-sale {returns} names an online SKU the store does not know ({sku})": (
        "售后单 {returns} 含有本店没有的线上 SKU（{sku}）"
    ),
    "The items scanned are not what after-sale {returns} returns: {missing} missing, {extra} not in it": (
        "扫描的商品与售后单 {returns} 的退货不符：缺少 {missing} 件，多出 {extra} 件"
    ),
    "There is no online after-sale {returns}": "没有线上售后单 {returns}",
    "The buyer of online order {order} asked for a refund before shipment: stop picking, do not hand it over": (
        "线上订单 {order} 的买家申请发货前退款：请停止拣货，不要交付"
    ),
    "The buyer of online order {order} asked for a refund before shipment: stop picking, do not hand it over "
    "(it was already handed over: check with the customer)": (
        "线上订单 {order} 的买家申请发货前退款：请停止拣货，不要交付（该订单已交付：请联系顾客）"
    ),
    "The buyer of online order {order} asked to return or exchange goods ({returns})": (
        "线上订单 {order} 的买家申请退换货（{returns}）"
    ),
    "Returned goods of online order {order} received ({returns}): {units} units back in stock": (
        "已收到线上订单 {order} 的退货（{returns}）：{units} 件已入库"
    ),
    "The online store refused the receipt of after-sale {returns}: {reason}": (
        "线上店铺拒绝了售后单 {returns} 的收货确认：{reason}"
    ),
    "Buyer asked to cancel: stop picking": "买家申请取消：停止拣货",
    "The buyer asked to cancel online order {order}: stop picking, do not hand it over or ship it": (
        "买家已申请取消线上订单 {order}：请停止拣货，不要交付或发货"
    ),
    "The buyer asked to cancel order {order}: stop picking": "买家已申请取消订单 {order}：请停止拣货",
    "The buyer asked to cancel this order: stop picking, put the items back, do not hand it over or ship it": (
        "买家已申请取消此订单：请停止拣货，把商品放回原处，不要交付或发货"
    ),
    "The label shows the receiver masked ({reason}); the manager is told in the sync log": (
        "标签上的收货人信息为脱敏显示（{reason}）；已在同步日志中通知店长"
    ),
    "The buyer of online order {order} asked to cancel: stop picking, do not hand it over": (
        "线上订单 {order} 的买家申请取消：请停止拣货，不要交付"
    ),
    "The buyer of online order {order} asked to cancel: stop picking, do not hand it over "
    "(it was already handed over: check with the customer)": (
        "线上订单 {order} 的买家申请取消：请停止拣货，不要交付（该订单已交付：请联系顾客）"
    ),
    "The label of online order {order} was printed with the receiver masked: {reason}": (
        "线上订单 {order} 的标签以脱敏收货人信息打印：{reason}"
    ),
    "Choose an order to pick first": "请先选择要拣货的订单",
    "Wrong item: this product is not in order {order}": "拣错商品：订单 {order} 中没有此商品",
    "Too many: all of {item} are already picked": "数量超出：{item} 已全部拣齐",
    "All items picked: pack the order": "已全部拣齐：请打包",
    "{item} picked, {left} to go": "已拣 {item}，还剩 {left} 件",
    "Packed: print the parcel label": "已打包：请打印包裹标签",
    "No label printer is set up: the preview shows the label": "未设置标签打印机：预览中显示标签",
    "Parcel label sent to the printer": "包裹标签已发送到打印机",
    "Choose the order the customer collects first": "请先选择顾客要提取的订单",
    "Pick every item before handing the order over": "交付前请拣齐所有商品",
    "Order {order} has left the store": "订单 {order} 已出库",
    # stock counts
    "Stock counts": "库存盘点",
    "Category (empty: everything)": "品类（留空：全部）",
    "New count": "新建盘点",
    "Scan each unit on the shelf; each scan counts one": "逐件扫描货架上的商品，每扫一次计一件",
    "Code": "编码",
    "Product": "商品",
    "Expected": "账面",
    "Counted": "实盘",
    "Variance": "盘盈/盘亏",
    "Recount": "复盘",
    "Set counted of the chosen line": "设置所选行的实盘数",
    "Recount the chosen line": "所选行重新盘点",
    "Cancel count": "取消盘点",
    "Post count": "盘点过账",
    "#{id} {name} · lines counted: {counted}/{lines} · units: {units}": "#{id} {name} · 已盘 {counted}/{lines} 行，共 {units} 件",
    "Yes": "是",
    "{counted} of {lines} counted, {differ} differ": "已盘 {counted}/{lines}，{differ} 项有差异",
    "Whole store": "全店",
    "Start or choose a count first": "请先新建或选择盘点",
    "Counted {total}": "已盘 {total}",
    "Choose a line and enter what was counted": "请选择一行并输入实盘数",
    "Posting a stock count needs a manager's approval.": "盘点过账需要店长批准。",
    "Count posted: {movements} stock changes (+{added} / -{removed})": (
        "盘点已过账：{movements} 项库存变动（+{added} / -{removed}）"
    ),
    # store settings
    "Store settings": "门店设置",
    "Allow selling below zero stock": "允许负库存销售",
    "Store name": "门店名称",
    "Address": "地址",
    "Receipt footer": "小票页脚",
    "Terminal": "收银台",
    "Save settings": "保存设置",
    "Test print on every printer": "所有打印机打印测试页",
    "Sync with the online store": "与线上店铺同步",
    "No configuration file: settings cannot be saved": "没有配置文件：无法保存设置",
    "{state}. To send: stock changes {stock} · deliveries {deliveries}.": (
        "{state}。待发送：{stock} 项库存变动、{deliveries} 个发货。"
    ),
    "Settings saved": "设置已保存",
    "{count} test pages sent": "已发送 {count} 张测试页",
    "Courier code": "快递公司代码",
    # reconciliation
    "Reconciliation": "线上对账",
    "Reconciliation with the online store": "与线上店铺对账",
    "Run reconciliation": "开始对账",
    "All differences": "全部差异",
    "Filter by code or title": "按编码或名称筛选",
    "Undecided only": "仅未处理",
    "Difference": "差异",
    "Kind of difference": "差异类型",
    "Remark": "备注",
    "Not on the delivery note": "送货单上没有",
    "Unknown code": "未知编码",
    "Store": "门店",
    "Online": "线上",
    "At stake": "涉及金额",
    "Decision": "处理",
    "Reason (required)": "原因（必填）",
    "Decide for the chosen lines": "处理所选行",
    "Decide for all shown": "批量处理所显示行",
    "Export CSV": "导出表格文件",
    "Stock differs": "库存不符",
    "Price differs": "价格不符",
    "Barcode differs": "条码不符",
    "Not in the store": "门店没有",
    "Not listed online": "线上未上架",
    "Not for sale yet stocked": "未在售但有库存",
    "Send the store's stock online": "以门店库存为准同步到线上",
    "Take the online stock": "以线上库存为准",
    "Count it again": "重新盘点",
    "Take the online price": "采用线上价格",
    "Flag for head office": "提交总部处理",
    "Reading the online store…": "正在读取线上店铺…",
    "Reading the online catalog": "正在读取线上商品",
    "Reading the online stock": "正在读取线上库存",
    "Comparing": "正在比对",
    "Run #{run}: {count} differences": "对账 #{run}：{count} 项差异",
    "#{run} {when} · {count} differences, {done} decided": (
        "#{run} {when} · {count} 项差异，已处理 {done}"
    ),
    "No reconciliation run yet": "尚未对账",
    "{here} SKUs in the store, {online} online; {count} differences worth {value}; {shown} shown": (
        "门店 {here} 个 SKU，线上 {online} 个；{count} 项差异，涉及 {value}；显示 {shown} 项"
    ),
    "Choose the lines to decide on": "请选择要处理的行",
    "{decision} does not fit a difference of kind {kind}": "“{decision}”不适用于“{kind}”",
    "%n line(s) decided": "已处理 %n 行",
    "Saved as {path}": "已保存为 {path}",
    # staff
    "Staff": "员工",
    "Staff number": "工号",
    "Name": "姓名",
    "Role": "角色",
    "Active": "在职",
    "Badge": "工牌",
    "New PIN": "新密码",
    "Add person": "添加员工",
    "Set role": "设置角色",
    "Reset PIN": "重置密码",
    "Issue badge": "发放工牌",
    "Deactivate / reactivate": "停用 / 启用",
    "Clerk": "收银员",
    "Supervisor": "主管",
    "Manager": "店长",
    "No": "否",
    "Choose a person in the list first": "请先在列表中选择员工",
    "Saved: {name}": "已保存：{name}",
    "You cannot lower or deactivate your own account": "不能降低或停用自己的账号",
    "No staff member {staff_id}": "没有员工 {staff_id}",
    "The store has no code secret: badges cannot be made": "门店未设置签名密钥：无法制作工牌",
    "That badge belongs to someone else": "该工牌属于其他员工",
    # reports
    "Reports": "报表",
    "Show": "查看",
    "No report yet": "尚未生成报表",
    "Sales by day": "按日销售",
    "Sales by hour": "按小时销售",
    "Sales by category": "按品类销售",
    "Sales by staff": "按员工销售",
    "Payments by tender": "按支付方式收款",
    "Top SKUs": "畅销商品",
    "Sales from RED notes": "小红书笔记带来的销售",
    "Day": "日期",
    "Hour": "小时",
    "Category": "品类",
    "Tender": "支付方式",
    "Payments": "笔数",
    "Taken": "收款",
    "Refunded": "退款",
    "Net": "净额",
    "Note": "笔记",
    "Sales": "单数",
    "Units": "件数",
    "Discounts": "折扣",
    "Revenue": "销售额",
    "Units returned": "退货件数",
    "Net revenue": "净销售额",
    "Nothing sold in this period": "此期间没有销售",
    # inventory
    "Inventory": "库存",
    "Product and stock": "商品与库存",
    "Receive a delivery": "到货入库",
    "Scan a product or type its code, then Enter": "扫描商品或输入编码后按回车",
    "No product chosen": "未选择商品",
    "Time": "时间",
    "Movement": "变动",
    "Quantity": "数量",
    "Reason": "原因",
    "Units, e.g. -2": "件数，如 -2",
    "Adjust stock": "调整库存",
    "Delivery note number": "送货单号",
    "Supplier": "供应商",
    "Start receiving": "开始收货",
    "Start receiving, then scan each unit": "开始收货后逐件扫描",
    "Received": "已收",
    "Book into stock": "入库",
    "Damaged": "损坏",
    "Lost": "丢失",
    "Found": "找到",
    "Expired": "过期",
    "Other": "其他",
    "Sold": "售出",
    "Returned": "退货",
    "Adjusted": "调整",
    "Online order": "线上订单",
    "Transfer in": "调入",
    "Transfer out": "调出",
    "Opening stock": "期初库存",
    "{code} · {brand} · {category} · price {price} · on hand {on_hand}": (
        "{code} · {brand} · {category} · 售价 {price} · 库存 {on_hand}"
    ),
    "Scan the product to adjust first": "请先扫描要调整的商品",
    "Enter the units to add (or, with a minus, to take off)": "请输入增加的件数（减少请加负号）",
    "Stock adjusted: on hand {on_hand}": "库存已调整：现有 {on_hand}",
    "Start receiving first": "请先开始收货",
    "Delivery #{id} · units scanned: {units}": "到货 #{id}：已扫描 {units} 件",
    "Booking a delivery into stock needs a manager's approval.": "到货入库需要店长批准。",
    "Units booked into stock: {units}; lines that differ from the delivery note: {problems}": (
        "已入库 {units} 件，{problems} 行与送货单不符"
    ),
    # notes for managers
    "Note links": "笔记关联",
    "RED notes in this store": "本店的小红书笔记",
    "Choose a note, then scan products to link them to it": "选择一篇笔记，然后扫描商品进行关联",
    "Scans": "扫码次数",
    "Last shown": "最近出示",
    "Products": "商品数",
    "Price": "售价",
    "Unlink the chosen product": "取消关联所选商品",
    "Not linked yet": "尚未关联",
    "Linked notes": "已关联笔记",
    "Notes and links": "笔记与关联",
    "No note chosen": "未选择笔记",
    "Note {note}: %n product(s)": "笔记 {note}：%n 个商品",
    "Choose a note first, then scan its products": "请先选择笔记，再扫描其商品",
    "Linked to the note": "已关联到笔记",
    "Already linked to the note": "已经关联过此笔记",
    "Choose the product to unlink": "请选择要取消关联的商品",
    # online store connection
    "Online store connection": "线上店铺授权",
    "Show the approval page": "显示授权页面",
    "Code from the approval page": "授权页面上的授权码",
    "Connect": "连接",
    "Not connected: show the approval page, approve, enter the code": (
        "未连接：打开授权页面，同意授权后输入授权码"
    ),
    "the online store": "线上店铺",
    "The authorisation for {seller} has expired: connect again": (
        "{seller} 的授权已过期：请重新连接"
    ),
    "Warning: the authorisation for {seller} runs out in {days} days: connect again": (
        "注意：{seller} 的授权将在 {days} 天后到期，请重新连接"
    ),
    "Connected to {seller} until {date}": "已连接 {seller}，有效期至 {date}",
    "The store is connected to its online store": "门店已连接线上店铺",
    "Set the online store's address, app id and secret in the configuration first": (
        "请先在配置中设置线上店铺的地址、应用 ID 和密钥"
    ),
    # the sync log
    "Barcode {barcode} belongs to SKU {owner} here but to SKU {code} online: not moved; "
    "check both products": "条码 {barcode} 在本店属于 SKU {owner}，线上属于 SKU {code}：未改动，请核对两个商品",
    "Catalog: {read} SKUs read, {created} new, {changed} changed, {conflicts} conflicts, "
    "{deactivated} no longer online": (
        "商品同步：读取 {read} 个 SKU，新增 {created}，变更 {changed}，冲突 {conflicts}，"
        "线上已下架 {deactivated}"
    ),
    "New online order {order} for {fulfilment}: {units} units": (
        "新线上订单 {order}（{fulfilment}）：{units} 件"
    ),
    "Online SKU {red_sku} has a barcode the store cannot use ({reason})": (
        "线上 SKU {red_sku} 的条码本店无法使用（{reason}）"
    ),
    "Online order {order} delivered": "线上订单 {order} 已交付",
    "Online order {order} has SKUs the store does not know: {skus}": (
        "线上订单 {order} 含有本店没有的 SKU：{skus}"
    ),
    "Online order {order} was cancelled before its delivery was sent; the goods were handed "
    "over: check with the customer and count the stock": (
        "线上订单 {order} 在发货同步前被取消，但商品已交付：请联系顾客并盘点库存"
    ),
    "Opening stock taken from the {source}: {skus} SKUs, {added} units added, "
    "{removed} removed": "期初库存取自{source}：{skus} 个 SKU，增加 {added} 件，减少 {removed} 件",
    "SKU code {code} belongs to online SKU {linked} here, but online SKU {red_sku} has it too: "
    "not applied": "SKU 编码 {code} 在本店对应线上 SKU {linked}，但线上 SKU {red_sku} 也使用它：未应用",
    "SKU {code} (online {red_sku}) is no longer in the online store: deactivated": (
        "SKU {code}（线上 {red_sku}）已不在线上店铺：已停用"
    ),
    "The online catalog changed while it was read in full; SKUs gone online are looked for at "
    "the next full read": "全量读取时线上商品有变动；线上已删除的 SKU 将在下次全量读取时处理",
    "The online catalog changed while it was read; reading again": "读取时线上商品有变动，正在重新读取",
    "The online store is out of reach; changes wait": "无法连接线上店铺，变动等待同步",
    "The online store is reachable again": "线上店铺已恢复连接",
    "The online store refused the delivery of order {order}: {reason}": (
        "线上店铺拒绝了订单 {order} 的发货：{reason}"
    ),
    "The online store refused the stock of SKU {code} ({on_hand}): {reason}. Check it in the "
    "reconciliation": "线上店铺拒绝了 SKU {code} 的库存（{on_hand}）：{reason}。请在对账中核对",
    "Printers: {printers}": "打印机：{printers}",
    # errors
    "This scan is not a product: scan the item's barcode": "扫描的不是商品：请扫描商品条码",
    "Log in to fulfil online orders": "请登录后再处理线上订单",
    "This is not a pickup code: scan the code on the customer's phone": (
        "这不是提货码：请扫描顾客手机上的提货码"
    ),
    "This pickup code is for order {other}, not {order}": (
        "此提货码属于订单 {other}，不是 {order}"
    ),
}
