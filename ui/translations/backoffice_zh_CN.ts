<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AfterSalesScreen</name>
    <message>
        <location filename="../backoffice/after_sales.py" line="56" />
        <source>Online returns and refunds</source>
        <translation>线上退货与退款</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="58" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="67" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="67" />
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="67" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="67" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="71" />
        <location filename="../backoffice/after_sales.py" line="222" />
        <source>Choose a return to receive its goods</source>
        <translation>选择一个退货单以收货</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="73" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="73" />
        <source>Returned</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="73" />
        <source>Scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="75" />
        <source>Book returned goods into stock</source>
        <translation>退货入库</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="84" />
        <source>Express number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="86" />
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="87" />
        <source>Send the exchange</source>
        <translation>发出换货</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="117" />
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="118" />
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="119" />
        <source>Refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="120" />
        <source>Cancel (refund)</source>
        <translation>取消（退款）</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="121" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="126" />
        <source>Received, confirmed online</source>
        <translation>已收货，线上已确认</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="128" />
        <source>Received; refused online: {reason}</source>
        <translation>已收货；线上拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="131" />
        <source>Received, telling the online store</source>
        <translation>已收货，正在通知线上店铺</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="133" />
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="134" />
        <source>Buyer to send back</source>
        <translation>待买家寄回</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="135" />
        <source>Coming back: receive</source>
        <translation>寄回中：请收货</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="136" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="137" />
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="138" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="139" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="140" />
        <source>Receipt refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="141" />
        <source>Exchange: to send</source>
        <translation>换货：请发出新商品</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="142" />
        <source>Exchange sent</source>
        <translation>换货已发出</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="143" />
        <source>The platform is involved</source>
        <translation>平台已介入</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="144" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="215" />
        <source>Send instead: {items}</source>
        <translation>换发：{items}</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="226" />
        <source>After-sale {returns} of order {order}: {kind}</source>
        <translation>订单 {order} 的售后单 {returns}：{kind}</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="246" />
        <source>Choose a return whose goods are on their way back first</source>
        <translation>请先选择商品正在寄回的退货单</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="261" />
        <source>This item is not in the return, or all of it is scanned</source>
        <translation>此商品不在退货单中，或已全部扫描</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="266" />
        <source>{left} more to scan</source>
        <translation>还需扫描 {left} 件</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="268" />
        <source>All returned items scanned: book them into stock</source>
        <translation>退货已全部扫描：请入库</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="290" />
        <source>Returned goods are back in stock; the online store is told</source>
        <translation>退货已入库；将通知线上店铺</translation>
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="313" />
        <source>The exchange has left the store; the online store is told</source>
        <translation>换货已发出；将通知线上店铺</translation>
    </message>
</context>
<context>
    <name>BackOffice</name>
    <message>
        <location filename="../backoffice/screens.py" line="50" />
        <source>Promotions</source>
        <translation>促销</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="51" />
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="52" />
        <source>Points rewards</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="53" />
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="54" />
        <source>Paid, no sale</source>
        <translation>已收款未成交</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="55" />
        <source>Refunds owed</source>
        <translation>待退款</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="56" />
        <source>Settlement</source>
        <translation>结算对账</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="74" />
        <source>Online orders</source>
        <translation>线上订单</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="84" />
        <source>Online returns</source>
        <translation>线上退货</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="89" />
        <source>Stock counts</source>
        <translation>库存盘点</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="94" />
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="45" />
        <source>Reconciliation</source>
        <translation>线上对账</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="47" />
        <source>Note links</source>
        <translation>笔记关联</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="46" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="48" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="49" />
        <source>Store settings</source>
        <translation>门店设置</translation>
    </message>
</context>
<context>
    <name>CountsScreen</name>
    <message>
        <location filename="../backoffice/counts.py" line="48" />
        <source>Stock counts</source>
        <translation>库存盘点</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="54" />
        <source>Category (empty: everything)</source>
        <translation>品类（留空：全部）</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="55" />
        <source>New count</source>
        <translation>新建盘点</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="64" />
        <source>Scan each unit on the shelf; each scan counts one</source>
        <translation>逐件扫描货架上的商品，每扫一次计一件</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="68" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="69" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="70" />
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="71" />
        <source>Expected</source>
        <translation>账面</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="72" />
        <location filename="../backoffice/counts.py" line="81" />
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="73" />
        <source>Variance</source>
        <translation>盘盈/盘亏</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="74" />
        <source>Recount</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="82" />
        <source>Set counted of the chosen line</source>
        <translation>设置所选行的实盘数</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="84" />
        <source>Recount the chosen line</source>
        <translation>所选行重新盘点</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="86" />
        <source>Cancel count</source>
        <translation>取消盘点</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="88" />
        <source>Post count</source>
        <translation>盘点过账</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="146" />
        <source>#{id} {name} · lines counted: {counted}/{lines} · units: {units}</source>
        <translation>#{id} {name} · 已盘 {counted}/{lines} 行，共 {units} 件</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="182" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="191" />
        <source>{counted} of {lines} counted, {differ} differ</source>
        <translation>已盘 {counted}/{lines}，{differ} 项有差异</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="239" />
        <source>Whole store</source>
        <translation>全店</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="249" />
        <source>Start or choose a count first</source>
        <translation>请先新建或选择盘点</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="266" />
        <source>Counted {total}</source>
        <translation>已盘 {total}</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="274" />
        <source>Choose a line and enter what was counted</source>
        <translation>请选择一行并输入实盘数</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="334" />
        <source>Posting a stock count needs a manager's approval.</source>
        <translation>盘点过账需要店长批准。</translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="354" />
        <source>Count posted: {movements} stock changes (+{added} / -{removed})</source>
        <translation>盘点已过账：{movements} 项库存变动（+{added} / -{removed}）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../backoffice/error_texts.py" line="7" />
        <source>This scan is not a product: scan the item's barcode</source>
        <translation>扫描的不是商品：请扫描商品条码</translation>
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="8" />
        <source>Log in to fulfil online orders</source>
        <translation>请登录后再处理线上订单</translation>
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="9" />
        <source>This is not a pickup code: scan the code on the customer's phone</source>
        <translation>这不是提货码：请扫描顾客手机上的提货码</translation>
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="10" />
        <source>This pickup code is for order {other}, not {order}</source>
        <translation>此提货码属于订单 {other}，不是 {order}</translation>
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="11" />
        <source>You cannot lower or deactivate your own account</source>
        <translation>不能降低或停用自己的账号</translation>
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="12" />
        <source>No staff member {staff_id}</source>
        <translation>没有员工 {staff_id}</translation>
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="13" />
        <source>The store has no code secret: badges cannot be made</source>
        <translation>门店未设置签名密钥：无法制作工牌</translation>
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="14" />
        <source>That badge belongs to someone else</source>
        <translation>该工牌属于其他员工</translation>
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="15" />
        <source>Set the online store's address, app id and secret in the configuration first</source>
        <translation>请先在配置中设置线上店铺的地址、应用 ID 和密钥</translation>
    </message>
</context>
<context>
    <name>ExpiringPanel</name>
    <message>
        <location filename="../backoffice/expiring.py" line="30" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="33" />
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="43" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="44" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="45" />
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="46" />
        <source>Expiry date</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="47" />
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="48" />
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="49" />
        <source>Value</source>
        <translation>货值</translation>
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="54" />
        <source>Expired, or expiring within</source>
        <translation>已过期，或将在以下天数内过期</translation>
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="88" />
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="90" />
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="98" />
        <source>Lots: {lots} · units: {units} · at stake: {value} · lots expired: {expired}</source>
        <translation>共 {lots} 个批次、{units} 件，货值 {value}；其中 {expired} 个批次已过期</translation>
    </message>
</context>
<context>
    <name>InventoryScreen</name>
    <message>
        <location filename="../backoffice/inventory.py" line="60" />
        <source>Product and stock</source>
        <translation>商品与库存</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="61" />
        <source>Receive a delivery</source>
        <translation>到货入库</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="64" />
        <source>Expiring soon</source>
        <translation>临期商品</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="83" />
        <source>Scan a product or type its code, then Enter</source>
        <translation>扫描商品或输入编码后按回车</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="85" />
        <source>No product chosen</source>
        <translation>未选择商品</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="92" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="93" />
        <source>Movement</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="94" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="95" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="96" />
        <source>Terminal</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="102" />
        <source>Units, e.g. -2</source>
        <translation>件数，如 -2</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="107" />
        <source>Adjust stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="125" />
        <source>Delivery note number</source>
        <translation>送货单号</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="127" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="128" />
        <source>Start receiving</source>
        <translation>开始收货</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="130" />
        <location filename="../backoffice/inventory.py" line="421" />
        <source>Start receiving, then scan each unit</source>
        <translation>开始收货后逐件扫描</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="135" />
        <source>Lot, if the label has no GS1 code</source>
        <translation>批号（标签无 GS1 码时填写）</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="137" />
        <source>Expiry date, e.g. 2027-01-31</source>
        <translation>有效期至，如 2027-01-31</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="144" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="145" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="146" />
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="147" />
        <source>Expected</source>
        <translation>账面</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="148" />
        <location filename="../backoffice/inventory.py" line="207" />
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="149" />
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="150" />
        <source>Lots</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="151" />
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="155" />
        <source>Book into stock</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="161" />
        <source>Copies of each: </source>
        <translation>每个批号打印份数：</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="163" />
        <source>GS1 DataMatrix (small labels)</source>
        <translation>GS1 二维码 DataMatrix（小标签）</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="164" />
        <source>Print lot labels</source>
        <translation>打印批号标签</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="192" />
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="193" />
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="194" />
        <source>Found</source>
        <translation>找到</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="195" />
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="196" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="201" />
        <source>Not on the delivery note</source>
        <translation>送货单上没有</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="202" />
        <source>Unknown code</source>
        <translation>未知编码</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="208" />
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="209" />
        <source>Returned</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="210" />
        <source>Adjusted</source>
        <translation>调整</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="211" />
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="212" />
        <source>Online order</source>
        <translation>线上订单</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="213" />
        <source>Transfer in</source>
        <translation>调入</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="214" />
        <source>Transfer out</source>
        <translation>调出</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="215" />
        <source>Opening stock</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="240" />
        <source>{code} · {brand} · {category} · price {price} · on hand {on_hand}</source>
        <translation>{code} · {brand} · {category} · 售价 {price} · 库存 {on_hand}</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="267" />
        <source>Scan the product to adjust first</source>
        <translation>请先扫描要调整的商品</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="270" />
        <source>Enter the units to add (or, with a minus, to take off)</source>
        <translation>请输入增加的件数（减少请加负号）</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="291" />
        <source>Stock adjusted: on hand {on_hand}</source>
        <translation>库存已调整：现有 {on_hand}</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="322" />
        <source>Start receiving first</source>
        <translation>请先开始收货</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="373" />
        <source>Delivery #{id} · units scanned: {units}</source>
        <translation>到货 #{id}：已扫描 {units} 件</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="411" />
        <source>Units booked into stock: {units}; lines that differ from the delivery note: {problems}</source>
        <translation>已入库 {units} 件，{problems} 行与送货单不符</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="390" />
        <source>Booking a delivery into stock needs a manager's approval.</source>
        <translation>到货入库需要店长批准。</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="431" />
        <source>No printer is set up: lot labels cannot be printed</source>
        <translation>未设置打印机，无法打印批号标签</translation>
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="449" />
        <source>Lot labels sent to printer {printer}: {lots} lot(s) × {copies}</source>
        <translation>批号标签已发送到打印机 {printer}：{lots} 个批号 × {copies} 份</translation>
    </message>
</context>
<context>
    <name>MembersScreen</name>
    <message>
        <location filename="../backoffice/members.py" line="51" />
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="54" />
        <source>Member number or name</source>
        <translation>会员号或姓名</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="57" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="63" />
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="64" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="65" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="66" />
        <source>Points balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="67" />
        <source>Joined</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="76" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="76" />
        <source>Movement</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="76" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="76" />
        <source>Sale or return</source>
        <translation>销售/退货单</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="81" />
        <location filename="../backoffice/members.py" line="202" />
        <source>Erase at the member's request</source>
        <translation>应会员要求删除</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="128" />
        <source>(erased)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="153" />
        <source>{name} · {points} points (worth {value})</source>
        <translation>{name} · {points} 积分（价值 {value}）</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="174" />
        <source>Earned</source>
        <translation>获得</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="175" />
        <source>Paid with</source>
        <translation>抵现</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="176" />
        <source>Taken back by a return</source>
        <translation>退货扣回</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="177" />
        <source>Given back by a return</source>
        <translation>退货返还</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="178" />
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="179" />
        <source>Spent on a reward</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="180" />
        <source>Given back for a reward's goods</source>
        <translation>退货退还兑换积分</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="181" />
        <source>Undone by a void</source>
        <translation>作废撤销</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="212" />
        <source>Press again to erase {number} for good</source>
        <translation>再按一次将永久删除 {number}</translation>
    </message>
    <message>
        <location filename="../backoffice/members.py" line="227" />
        <source>Member {number} erased</source>
        <translation>会员 {number} 已删除</translation>
    </message>
</context>
<context>
    <name>NotesManagerScreen</name>
    <message>
        <location filename="../backoffice/notes.py" line="49" />
        <source>RED notes in this store</source>
        <translation>本店的小红书笔记</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="51" />
        <source>Choose a note, then scan products to link them to it</source>
        <translation>选择一篇笔记，然后扫描商品进行关联</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="56" />
        <location filename="../backoffice/notes.py" line="61" />
        <location filename="../backoffice/notes.py" line="86" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="56" />
        <source>Scans</source>
        <translation>扫码次数</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="56" />
        <source>Last shown</source>
        <translation>最近出示</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="61" />
        <source>Products</source>
        <translation>商品数</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="66" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="66" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="66" />
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="68" />
        <source>Unlink the chosen product</source>
        <translation>取消关联所选商品</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="80" />
        <source>Not linked yet</source>
        <translation>尚未关联</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="81" />
        <source>Linked notes</source>
        <translation>已关联笔记</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="85" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="87" />
        <source>Sales</source>
        <translation>单数</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="88" />
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="89" />
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="90" />
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="91" />
        <source>Net revenue</source>
        <translation>净销售额</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="102" />
        <source>Notes and links</source>
        <translation>笔记与关联</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="103" />
        <source>Sales from RED notes</source>
        <translation>小红书笔记带来的销售</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="182" />
        <source>No note chosen</source>
        <translation>未选择笔记</translation>
    </message>
    <message numerus="yes">
        <location filename="../backoffice/notes.py" line="185" />
        <source>Note {note}: %n product(s)</source>
        <translation><numerusform>笔记 {note}：%n 个商品</numerusform></translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="201" />
        <source>Choose a note first, then scan its products</source>
        <translation>请先选择笔记，再扫描其商品</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="218" />
        <source>Linked to the note</source>
        <translation>已关联到笔记</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="220" />
        <source>Already linked to the note</source>
        <translation>已经关联过此笔记</translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="228" />
        <source>Choose the product to unlink</source>
        <translation>请选择要取消关联的商品</translation>
    </message>
</context>
<context>
    <name>OrdersScreen</name>
    <message>
        <location filename="../backoffice/orders.py" line="67" />
        <source>Online orders to fulfil</source>
        <translation>待履约的线上订单</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="72" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="75" />
        <source>Show finished too</source>
        <translation>显示已完成</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="87" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="88" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="89" />
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="90" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="91" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="105" />
        <source>Choose an order, then scan each item</source>
        <translation>选择订单，然后逐件扫码拣货</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="111" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="111" />
        <source>Ordered</source>
        <translation>订购</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="111" />
        <location filename="../backoffice/orders.py" line="307" />
        <source>Picked</source>
        <translation>已拣</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="111" />
        <source>Sent</source>
        <translation>已发</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="117" />
        <location filename="../backoffice/orders.py" line="305" />
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="119" />
        <source>Pack these, the rest later</source>
        <translation>先打包这些，其余稍后发</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="127" />
        <source>Print parcel label</source>
        <translation>打印包裹标签</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="130" />
        <source>Express number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="133" />
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="135" />
        <source>Show the phone (manager)</source>
        <translation>查看电话（店长）</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="138" />
        <source>Correct express number</source>
        <translation>更正快递单号</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="141" />
        <location filename="../backoffice/orders.py" line="287" />
        <source>Ship</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="144" />
        <source>Pickup: scan the code on the customer's phone</source>
        <translation>自提：扫描顾客手机上的提货码</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="212" />
        <source>New online order: {orders}</source>
        <translation>新线上订单：{orders}</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="237" />
        <source>The online store has not been reached yet</source>
        <translation>尚未连接线上店铺</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="239" />
        <source>Online store connected</source>
        <translation>线上店铺已连接</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="241" />
        <source>Online store not reachable: {error}</source>
        <translation>无法连接线上店铺：{error}</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="287" />
        <source>Pickup</source>
        <translation>到店自提</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="291" />
        <source>Part shipped · units still to send: {left}</source>
        <translation>部分已发：还有 {left} 件待发</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="417" />
        <source>Parcel {n}: {courier} {number} (units: {units}, {state})</source>
        <translation>包裹 {n}：{courier} {number}（{units} 件，{state}）</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="548" />
        <source>Packed as parcel {n} (units: {units}): print its label and ship it; units to follow later: {left}</source>
        <translation>已将 {units} 件打包为第 {n} 个包裹：请打印标签并发货；其余 {left} 件稍后发出</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="298" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../backoffice/orders.py" line="242" />
        <source>%n delivery(s) waiting to be sent</source>
        <translation><numerusform>%n 个发货待同步</numerusform></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="300" />
        <location filename="../backoffice/orders.py" line="314" />
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="302" />
        <source>Buyer asked to cancel: stop picking</source>
        <translation>买家申请取消：停止拣货</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="309" />
        <source>Picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="310" />
        <source>To pick</source>
        <translation>待拣货</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="316" />
        <source>Cancelled after hand-over</source>
        <translation>交付后被取消</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="318" />
        <source>Refused online: {reason}</source>
        <translation>线上拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="319" />
        <source>Handed over, telling the online store</source>
        <translation>已交付，正在通知线上店铺</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="362" />
        <source>No online orders to fulfil</source>
        <translation>没有待履约的线上订单</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="371" />
        <source>Order {order} · {kind} · paid {paid}</source>
        <translation>订单 {order} · {kind} · 实付 {paid}</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="380" />
        <source>The buyer asked to cancel this order: stop picking, put the items back, do not hand it over or ship it</source>
        <translation>买家已申请取消此订单：请停止拣货，把商品放回原处，不要交付或发货</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="386" />
        <source>Picked up by {receiver}</source>
        <translation>提货人：{receiver}</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="390" />
        <source>For {receiver}</source>
        <translation>收货人：{receiver}</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="432" />
        <source>Parcel {n}</source>
        <translation>包裹 {n}</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="474" />
        <source>Choose an order to pick first</source>
        <translation>请先选择要拣货的订单</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="478" />
        <source>The buyer asked to cancel order {order}: stop picking</source>
        <translation>买家已申请取消订单 {order}：请停止拣货</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="499" />
        <source>Wrong item: this product is not in order {order}</source>
        <translation>拣错商品：订单 {order} 中没有此商品</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="503" />
        <source>Too many: all of {item} are already picked</source>
        <translation>数量超出：{item} 已全部拣齐</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="508" />
        <source>All items picked: pack the order</source>
        <translation>已全部拣齐：请打包</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="512" />
        <source>{item} picked, {left} to go (or pack these and send the rest later)</source>
        <translation>已拣 {item}，还剩 {left} 件（也可先打包这些，其余稍后发）</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="517" />
        <source>{item} picked, {left} to go</source>
        <translation>已拣 {item}，还剩 {left} 件</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="529" />
        <source>Packed: print the parcel label</source>
        <translation>已打包：请打印包裹标签</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="540" />
        <source>This parcel finishes no product: the online store records a split shipment by whole products, so pick the last units of at least one product first</source>
        <translation>这个包裹没有发完任何一种商品：线上店铺按整种商品记录拆包发货，请先拣齐至少一种商品的全部剩余件数</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="591" />
        <source>The label shows the receiver masked ({reason}); the manager is told in the sync log</source>
        <translation>标签上的收货人信息为脱敏显示（{reason}）；已在同步日志中通知店长</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="599" />
        <source>No label printer is set up: the preview shows the label</source>
        <translation>未设置标签打印机：预览中显示标签</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="601" />
        <source>Parcel label sent to the printer</source>
        <translation>包裹标签已发送到打印机</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="617" />
        <source>Choose the order the customer collects first</source>
        <translation>请先选择顾客要提取的订单</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="621" />
        <source>Pick every item before handing the order over</source>
        <translation>交付前请拣齐所有商品</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="668" />
        <source>Receiver's phone: {phone}</source>
        <translation>收货人电话：{phone}</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="689" />
        <source>Express number of order {order} corrected; the online store is told</source>
        <translation>订单 {order} 的快递单号已更正；将通知线上店铺</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="701" />
        <source>Parcel {n} of order {order} has left the store</source>
        <translation>订单 {order} 的第 {n} 个包裹已出店</translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="707" />
        <source>Order {order} has left the store</source>
        <translation>订单 {order} 已出库</translation>
    </message>
</context>
<context>
    <name>PromotionsScreen</name>
    <message>
        <location filename="../backoffice/promotions.py" line="83" />
        <source>Promotions</source>
        <translation>促销</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="86" />
        <location filename="../backoffice/promotions.py" line="201" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="86" />
        <source>Promotion</source>
        <translation>促销</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="203" />
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="86" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="89" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="90" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="91" />
        <source>End now</source>
        <translation>立即结束</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="92" />
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="93" />
        <source>Export CSV</source>
        <translation>导出表格文件</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="95" />
        <source>CSV file to import</source>
        <translation>要导入的 CSV 文件路径</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="96" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="139" />
        <source>Empty: made from the rule, e.g. 满300减50</source>
        <translation>留空自动生成</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="149" />
        <source>Separated by ;</source>
        <translation>用 ; 分隔</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="151" />
        <source>Yuan, e.g. 300</source>
        <translation>元，如 300</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="153" />
        <source>Yuan, e.g. 50</source>
        <translation>元，如 50</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="154" />
        <source>Again for every threshold reached</source>
        <translation>每满一次减一次</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="158" />
        <source>Percent paid: 90 = 9折, 50 = 半价</source>
        <translation>支付比例：90 = 9折，50 = 半价</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="163" />
        <source>Empty: the cheapest item is free</source>
        <translation>留空则最便宜的一件免费</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="167" />
        <source>Yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="173" />
        <source>From YYYY-MM-DD</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="174" />
        <source>To YYYY-MM-DD</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="175" />
        <source>From HH:MM</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="176" />
        <source>To HH:MM</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="180" />
        <source>Empty: every day; 6;7 = weekends</source>
        <translation>留空为每天；6;7 = 周末</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="181" />
        <source>Members only</source>
        <translation>仅限会员</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="188" />
        <source>Rules of one group exclude each other</source>
        <translation>同组规则互斥</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="202" />
        <source>Words on the receipt</source>
        <translation>小票上的说明</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="204" />
        <source>Goods</source>
        <translation>适用商品</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="205" />
        <source>Which</source>
        <translation>具体</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="206" />
        <source>Threshold</source>
        <translation>门槛</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="207" />
        <source>Amount off</source>
        <translation>减免金额</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="209" />
        <source>Items needed</source>
        <translation>所需件数</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="210" />
        <source>Percent paid</source>
        <translation>支付比例</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="211" />
        <source>Which item (2 = the second)</source>
        <translation>第几件（2 = 第二件）</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="212" />
        <source>Buy</source>
        <translation>买</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="213" />
        <source>Free</source>
        <translation>赠</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="214" />
        <source>Gift SKU</source>
        <translation>赠品 SKU</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="215" />
        <source>Bundle</source>
        <translation>组合</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="216" />
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="217" />
        <source>Days</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="218" />
        <source>Hours</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="219" />
        <source>Weekdays</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="221" />
        <source>Priority (lower first)</source>
        <translation>优先级（小的先算）</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="222" />
        <source>Combines</source>
        <translation>叠加方式</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="223" />
        <source>Exclusion group</source>
        <translation>互斥组</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="230" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="233" />
        <source>Sample cart: SKU*quantity; …</source>
        <translation>试算购物车：SKU*数量; …</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="234" />
        <source>As a member</source>
        <translation>按会员</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="235" />
        <source>Preview</source>
        <translation>试算</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="270" />
        <source>Amount off a spend (满减)</source>
        <translation>满额减钱（满减）</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="271" />
        <source>Percent off a quantity or spend (满折)</source>
        <translation>满件/满额打折（满折）</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="272" />
        <source>Nth item discounted (第二件半价)</source>
        <translation>第N件优惠（第二件半价）</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="273" />
        <source>Buy some, get some free (买赠)</source>
        <translation>买赠</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="274" />
        <source>Bundle price (组合价)</source>
        <translation>组合价</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="275" />
        <source>Special price (限时价)</source>
        <translation>限时价</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="276" />
        <source>Member price</source>
        <translation>会员价</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="281" />
        <source>Whole store</source>
        <translation>全店</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="282" />
        <source>SKUs (codes)</source>
        <translation>SKU（编码）</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="283" />
        <source>Products (numbers)</source>
        <translation>商品（编号）</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="284" />
        <source>Brands</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="285" />
        <source>Categories</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="290" />
        <source>With other promotions</source>
        <translation>可与其他促销叠加</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="291" />
        <source>Its goods take no other promotion</source>
        <translation>其商品不参加其他促销</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="292" />
        <source>No other promotion in the sale</source>
        <translation>整单不参加其他促销</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="344" />
        <source>Write each SKU of a bundle as code*quantity</source>
        <translation>组合中每个 SKU 请写成 编码*数量</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="349" />
        <source>Weekdays are 1 (Monday) to 7 (Sunday)</source>
        <translation>星期为 1（周一）到 7（周日）</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="401" />
        <source>The percent paid is a number, e.g. 90</source>
        <translation>支付比例应为数字，如 90</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="409" />
        <source>Not a date (YYYY-MM-DD): {text}</source>
        <translation>不是日期（YYYY-MM-DD）：{text}</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="416" />
        <source>Not a time (HH:MM): {text}</source>
        <translation>不是时间（HH:MM）：{text}</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="439" />
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="441" />
        <source>On now</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="443" />
        <source>Not now</source>
        <translation>未在时段内</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="513" />
        <source>Promotion {code} saved</source>
        <translation>促销 {code} 已保存</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="520" />
        <source>Choose the promotion to copy</source>
        <translation>请选择要复制的促销</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="537" />
        <source>Copied as {code}: change it and save</source>
        <translation>已复制为 {code}：修改后保存</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="544" />
        <source>Choose the promotion to end</source>
        <translation>请选择要结束的促销</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="562" />
        <source>Promotion {code} ended</source>
        <translation>促销 {code} 已结束</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="575" />
        <source>Write the sample cart as code*quantity; …</source>
        <translation>试算购物车请写成 编码*数量; …</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="579" />
        <source>Type a sample cart to preview, e.g. LIP-520*2</source>
        <translation>请输入试算购物车，如 LIP-520*2</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="592" />
        <source>This cart would get {saved} off from this promotion: {total} to pay instead of {without}.</source>
        <translation>此购物车可因本促销优惠 {saved}：应付 {total}，原为 {without}。</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="611" />
        <source>Promotions CSV</source>
        <translation>促销 CSV</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="611" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="619" />
        <source>Choose the CSV file to import</source>
        <translation>请选择要导入的 CSV 文件</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="631" />
        <source>{count} promotions imported</source>
        <translation>已导入 {count} 条促销</translation>
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="647" />
        <source>Saved as {path}</source>
        <translation>已保存为 {path}</translation>
    </message>
</context>
<context>
    <name>ReconciliationScreen</name>
    <message>
        <location filename="../backoffice/reconciliation.py" line="58" />
        <source>Reconciliation with the online store</source>
        <translation>与线上店铺对账</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="60" />
        <source>Run reconciliation</source>
        <translation>开始对账</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="78" />
        <source>All differences</source>
        <translation>全部差异</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="83" />
        <source>Filter by code or title</source>
        <translation>按编码或名称筛选</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="85" />
        <source>Undecided only</source>
        <translation>仅未处理</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="95" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="96" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="97" />
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="98" />
        <source>Kind of difference</source>
        <translation>差异类型</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="99" />
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="100" />
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="101" />
        <source>At stake</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="102" />
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="116" />
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="117" />
        <source>Decide for the chosen lines</source>
        <translation>处理所选行</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="119" />
        <source>Decide for all shown</source>
        <translation>批量处理所显示行</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="121" />
        <source>Export CSV</source>
        <translation>导出表格文件</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="153" />
        <source>Stock differs</source>
        <translation>库存不符</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="154" />
        <source>Price differs</source>
        <translation>价格不符</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="155" />
        <source>Barcode differs</source>
        <translation>条码不符</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="156" />
        <source>Not in the store</source>
        <translation>门店没有</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="157" />
        <source>Not listed online</source>
        <translation>线上未上架</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="158" />
        <source>Not for sale yet stocked</source>
        <translation>未在售但有库存</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="163" />
        <source>Send the store's stock online</source>
        <translation>以门店库存为准同步到线上</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="164" />
        <source>Take the online stock</source>
        <translation>以线上库存为准</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="165" />
        <source>Count it again</source>
        <translation>重新盘点</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="166" />
        <source>Take the online price</source>
        <translation>采用线上价格</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="167" />
        <source>Flag for head office</source>
        <translation>提交总部处理</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="186" />
        <source>Reading the online store…</source>
        <translation>正在读取线上店铺…</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="202" />
        <source>Reading the online catalog</source>
        <translation>正在读取线上商品</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="203" />
        <source>Reading the online stock</source>
        <translation>正在读取线上库存</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="204" />
        <source>Comparing</source>
        <translation>正在比对</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="214" />
        <source>Run #{run}: {count} differences</source>
        <translation>对账 #{run}：{count} 项差异</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="242" />
        <source>#{run} {when} · {count} differences, {done} decided</source>
        <translation>#{run} {when} · {count} 项差异，已处理 {done}</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="306" />
        <source>No reconciliation run yet</source>
        <translation>尚未对账</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="310" />
        <source>{here} SKUs in the store, {online} online; {count} differences worth {value}; {shown} shown</source>
        <translation>门店 {here} 个 SKU，线上 {online} 个；{count} 项差异，涉及 {value}；显示 {shown} 项</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="350" />
        <source>Choose the lines to decide on</source>
        <translation>请选择要处理的行</translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="356" />
        <source>{decision} does not fit a difference of kind {kind}</source>
        <translation>“{decision}”不适用于“{kind}”</translation>
    </message>
    <message numerus="yes">
        <location filename="../backoffice/reconciliation.py" line="377" />
        <source>%n line(s) decided</source>
        <translation><numerusform>已处理 %n 行</numerusform></translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="393" />
        <source>Saved as {path}</source>
        <translation>已保存为 {path}</translation>
    </message>
</context>
<context>
    <name>RefundsWaitingScreen</name>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="47" />
        <source>Refunds still owed to customers</source>
        <translation>尚未退给顾客的退款</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="49" />
        <source>Refunds through WeChat Pay or Alipay that the provider has not confirmed, or refused: the customer has not had this money back yet. Ask the provider again, or pay a refused refund in cash instead (a manager).</source>
        <translation>支付机构尚未确认或已拒绝的微信支付、支付宝退款：这些钱还没有退到顾客手里。可再次向支付机构查询，被拒绝的可改退现金（需店长）。</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="56" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="57" />
        <source>Receipt</source>
        <translation>小票号</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="58" />
        <source>Wallet</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="59" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="60" />
        <source>Refund no.</source>
        <translation>退款单号</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="61" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="62" />
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="79" />
        <source>Reason for paying in cash (required)</source>
        <translation>改退现金的原因（必填）</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="80" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="81" />
        <source>Ask the provider again</source>
        <translation>再次查询退款结果</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="83" />
        <source>Pay in cash instead (manager)</source>
        <translation>改退现金（需店长）</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="103" />
        <source>No payment provider is configured at this counter.</source>
        <translation>本收银台未配置任何支付机构。</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="115" />
        <source>Refunds waiting: {count}</source>
        <translation>待处理的退款：{count} 笔</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="118" />
        <source>No refund is owed: every refund through WeChat Pay or Alipay is confirmed by the provider or was paid in cash.</source>
        <translation>没有待处理的退款：微信支付、支付宝的退款均已由支付机构确认，或已改退现金。</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="146" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="146" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="152" />
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="154" />
        <source>Refused by the provider</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="156" />
        <source>Refunding</source>
        <translation>退款中</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="163" />
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="165" />
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="166" />
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="178" />
        <source>Choose a refund in the list first</source>
        <translation>请先在列表中选择一笔退款</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="193" />
        <source>{wallet} refused the refund of {amount} ({reason}): the customer has not had this money back. A manager can pay it in cash instead: hand over {amount}. Refund no. {number}</source>
        <translation>{wallet}拒绝了 {amount} 的退款（{reason}）：这笔钱还没有退给顾客。店长可改为现金退款：付给顾客 {amount}。退款单号 {number}</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="203" />
        <source>{wallet}: {amount} is on its way back to the customer, not confirmed by the provider yet. Ask the provider again. Refund no. {number}</source>
        <translation>{wallet}：{amount} 正在原路退回顾客，支付机构尚未确认。请再次查询。退款单号 {number}</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="215" />
        <source>The provider refused this refund for good: asking again does not change it. Pay it in cash instead</source>
        <translation>支付机构已最终拒绝这笔退款，再次查询也不会改变结果。请改退现金</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="237" />
        <source>{wallet}: {amount} refunded to the customer's original payment — done</source>
        <translation>{wallet}：{amount} 已原路退回顾客的支付账户，退款完成</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="241" />
        <source>{wallet} refused the refund of {amount}: a manager can pay it in cash instead</source>
        <translation>{wallet}拒绝了 {amount} 的退款：店长可改为现金退款</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="243" />
        <source>{wallet}: {amount} is still on its way; ask again later</source>
        <translation>{wallet}：{amount} 仍在退款途中，请稍后再查询</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="255" />
        <source>Only a refund the provider refused can be paid in cash instead: ask the provider about this one again</source>
        <translation>只有被支付机构拒绝的退款才能改退现金：请再次查询这笔退款</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="262" />
        <source>Say why the refund is paid in cash</source>
        <translation>请填写改退现金的原因</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="269" />
        <source>Paying a refused refund in cash instead needs a manager's approval.</source>
        <translation>被拒绝的退款改退现金，需要店长授权。</translation>
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="295" />
        <source>Hand {amount} in cash to the customer (refund no. {number})</source>
        <translation>请付给顾客现金 {amount}（退款单号 {number}）</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../backoffice/reports.py" line="93" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="107" />
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="110" />
        <source>Export CSV</source>
        <translation>导出表格文件</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="126" />
        <source>No report yet</source>
        <translation>尚未生成报表</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="139" />
        <source>Sales by day</source>
        <translation>按日销售</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="140" />
        <source>Sales by hour</source>
        <translation>按小时销售</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="141" />
        <source>Sales by category</source>
        <translation>按品类销售</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="142" />
        <source>Sales by staff</source>
        <translation>按员工销售</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="143" />
        <source>Payments by tender</source>
        <translation>按支付方式收款</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="144" />
        <source>Top SKUs</source>
        <translation>畅销商品</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="145" />
        <source>Sales from RED notes</source>
        <translation>小红书笔记带来的销售</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="146" />
        <source>Stock by expiry month</source>
        <translation>按到期月份的库存</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="147" />
        <source>Sales by promotion</source>
        <translation>促销销售</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="148" />
        <source>Members' share of sales</source>
        <translation>会员销售占比</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="149" />
        <source>Points moved and owed</source>
        <translation>积分变动与负债</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="150" />
        <source>Online orders (receivers masked)</source>
        <translation>线上订单（收货人脱敏）</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="155" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="156" />
        <source>Hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="157" />
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="158" />
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="159" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="160" />
        <source>Tender</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="161" />
        <source>Payments</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="162" />
        <source>Taken</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="163" />
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="164" />
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="165" />
        <location filename="../backoffice/reports.py" line="175" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="166" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="167" />
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="168" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="169" />
        <source>Sales</source>
        <translation>单数</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="170" />
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="171" />
        <source>Discounts</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="172" />
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="173" />
        <source>Units returned</source>
        <translation>退货件数</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="174" />
        <source>Net revenue</source>
        <translation>净销售额</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="176" />
        <source>Promotion</source>
        <translation>促销</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="177" />
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="178" />
        <source>Customers</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="179" />
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="180" />
        <source>Movement</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="181" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="182" />
        <source>Expiry month</source>
        <translation>到期月份</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="183" />
        <source>Value</source>
        <translation>货值</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="184" />
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="185" />
        <source>Expiry date</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="186" />
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="187" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="188" />
        <source>Created</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="189" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="190" />
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="191" />
        <source>Cancel asked</source>
        <translation>申请取消</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="192" />
        <source>Receiver (masked)</source>
        <translation>收货人（脱敏）</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="193" />
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="221" />
        <source>Held now by {count} members</source>
        <translation>{count} 位会员当前持有</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="223" />
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="224" />
        <source>Other customers</source>
        <translation>非会员顾客</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="225" />
        <source>Earned</source>
        <translation>获得</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="226" />
        <source>Paid with</source>
        <translation>抵现</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="227" />
        <source>Taken back by a return</source>
        <translation>退货扣回</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="228" />
        <source>Given back by a return</source>
        <translation>退货返还</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="229" />
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="230" />
        <source>Spent on a reward</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="231" />
        <source>Given back for a reward's goods</source>
        <translation>退货退还兑换积分</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="232" />
        <source>Undone by a void</source>
        <translation>作废撤销</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="271" />
        <source>Nothing sold in this period</source>
        <translation>此期间没有销售</translation>
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="285" />
        <source>Saved as {path}</source>
        <translation>已保存为 {path}</translation>
    </message>
</context>
<context>
    <name>RewardsScreen</name>
    <message>
        <location filename="../backoffice/rewards.py" line="43" />
        <source>Points rewards</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="47" />
        <source>Members take these for points at the counter (More → Points rewards): a gift SKU free, or an amount off the sale. A return gives the points back for the goods it returns.</source>
        <translation>会员在收银台用积分兑换（更多功能 → 积分兑换）：免费赠品 SKU，或抵扣本单金额。退货时按退回的商品退还相应积分。</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="55" />
        <location filename="../backoffice/rewards.py" line="72" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="55" />
        <source>Reward</source>
        <translation>兑换</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="55" />
        <location filename="../backoffice/rewards.py" line="74" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="120" />
        <source>Offered</source>
        <translation>可兑换</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="61" />
        <source>Words on the receipt (optional)</source>
        <translation>小票上的文字（选填）</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="55" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="66" />
        <source>SKU code of the gift</source>
        <translation>赠品的 SKU 编码</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="68" />
        <source>or an amount off, in yuan</source>
        <translation>或抵扣金额（元）</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="73" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="75" />
        <source>Gift SKU</source>
        <translation>赠品 SKU</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="76" />
        <source>Amount off</source>
        <translation>减免金额</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="77" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="78" />
        <source>End</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="79" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="120" />
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="168" />
        <source>Reward {code} saved</source>
        <translation>积分兑换 {code} 已保存</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="175" />
        <source>Choose the reward to end</source>
        <translation>请选择要停用的积分兑换</translation>
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="186" />
        <source>Reward {code} ended</source>
        <translation>积分兑换 {code} 已停用</translation>
    </message>
</context>
<context>
    <name>SettlementScreen</name>
    <message>
        <location filename="../backoffice/settlement.py" line="47" />
        <source>Settlement with WeChat Pay and Alipay</source>
        <translation>微信支付、支付宝结算对账</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="52" />
        <source>Bill day (China time)</source>
        <translation>账单日（北京时间）</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="53" />
        <source>Reconcile</source>
        <translation>对账</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="58" />
        <source>Only what does not match</source>
        <translation>只看不一致的</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="74" />
        <source>Finding</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="75" />
        <source>Wallet</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="76" />
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="77" />
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="78" />
        <source>Recorded</source>
        <translation>本店记录</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="79" />
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="80" />
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="81" />
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="82" />
        <source>Sale / return</source>
        <translation>销售 / 退货单</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="101" />
        <source>No payment provider is configured at this counter.</source>
        <translation>本收银台未配置任何支付机构。</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="110" />
        <source>Type the day as 2026-11-25</source>
        <translation>请按 2026-11-25 的格式输入日期</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="113" />
        <source>Fetching the bills…</source>
        <translation>正在获取账单…</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="119" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="119" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="123" />
        <source>matches</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="124" />
        <source>reversed</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="125" />
        <source>amount differs</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="126" />
        <source>not in the bill</source>
        <translation>账单中没有</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="127" />
        <source>not recorded here</source>
        <translation>本店无记录</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="134" />
        <source>{wallet}: no bill — {reason}</source>
        <translation>{wallet}：无账单 — {reason}</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="136" />
        <source>{wallet}: bill paid {paid}, refunded {refunded}, fees {fees}, settled {settled} · recorded paid {ours_paid}, refunded {ours_refunded}</source>
        <translation>{wallet}：账单收款 {paid}，退款 {refunded}，手续费 {fees}，结算 {settled} · 本店记录收款 {ours_paid}，退款 {ours_refunded}</translation>
    </message>
    <message numerus="yes">
        <location filename="../backoffice/settlement.py" line="156" />
        <source>{day}: every line matches (%n line(s))</source>
        <translation><numerusform>{day}：全部一致（共 %n 条）</numerusform></translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="162" />
        <source>{day}: lines that do not match: {problems} of {count}</source>
        <translation>{day}：{count} 条中有 {problems} 条不一致</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="185" />
        <source>payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="185" />
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="191" />
        <source>test payment</source>
        <translation>测试付款</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../backoffice/staff.py" line="49" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="53" />
        <location filename="../backoffice/staff.py" line="63" />
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="54" />
        <location filename="../backoffice/staff.py" line="65" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="55" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="56" />
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="57" />
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="71" />
        <source>New PIN</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="73" />
        <source>Add person</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="75" />
        <source>Set role</source>
        <translation>设置角色</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="77" />
        <source>Reset PIN</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="79" />
        <source>Issue badge</source>
        <translation>发放工牌</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="81" />
        <source>Revoke badge</source>
        <translation>作废工牌</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="83" />
        <source>Deactivate / reactivate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="130" />
        <source>Clerk</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="131" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="132" />
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="155" />
        <location filename="../backoffice/staff.py" line="156" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="155" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="215" />
        <source>Choose a person in the list first</source>
        <translation>请先在列表中选择员工</translation>
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="251" />
        <source>Saved: {name}</source>
        <translation>已保存：{name}</translation>
    </message>
</context>
<context>
    <name>StoreSettingsScreen</name>
    <message>
        <location filename="../backoffice/store_settings.py" line="48" />
        <source>Store settings</source>
        <translation>门店设置</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="54" />
        <source>Allow selling below zero stock</source>
        <translation>允许负库存销售</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="56" />
        <source>Card: slip reference required</source>
        <translation>银行卡须登记参考号</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="58" />
        <source>Wallets on a separate terminal too</source>
        <translation>允许外部收款（收款终端 / 收款码）</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="60" />
        <source>Take WeChat Pay and Alipay on a separate terminal or a static QR code</source>
        <translation>可用收款终端或收款码收取微信、支付宝（外部收款）</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="65" />
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="66" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="67" />
        <source>Receipt footer</source>
        <translation>小票页脚</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="68" />
        <source>Terminal</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="80" />
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="83" />
        <source>Test print on every printer</source>
        <translation>所有打印机打印测试页</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="94" />
        <source>Online store connection</source>
        <translation>线上店铺授权</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="98" />
        <source>Show the approval page</source>
        <translation>显示授权页面</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="105" />
        <source>Code from the approval page</source>
        <translation>授权页面上的授权码</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="106" />
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="114" />
        <source>Sync with the online store</source>
        <translation>与线上店铺同步</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="170" />
        <source>No configuration file: settings cannot be saved</source>
        <translation>没有配置文件：无法保存设置</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="180" />
        <source>Printers: {printers}</source>
        <translation>打印机：{printers}</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="207" />
        <source>Not connected: show the approval page, approve, enter the code</source>
        <translation>未连接：打开授权页面，同意授权后输入授权码</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="209" />
        <source>the online store</source>
        <translation>线上店铺</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="211" />
        <source>The authorisation for {seller} has expired: connect again</source>
        <translation>{seller} 的授权已过期：请重新连接</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="216" />
        <source>Warning: the authorisation for {seller} runs out in {days} days: connect again</source>
        <translation>注意：{seller} 的授权将在 {days} 天后到期，请重新连接</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="218" />
        <source>Connected to {seller} until {date}</source>
        <translation>已连接 {seller}，有效期至 {date}</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="260" />
        <source>The store is connected to its online store</source>
        <translation>门店已连接线上店铺</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="265" />
        <source>The online store has not been reached yet</source>
        <translation>尚未连接线上店铺</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="267" />
        <source>Online store connected</source>
        <translation>线上店铺已连接</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="269" />
        <source>Online store not reachable: {error}</source>
        <translation>无法连接线上店铺：{error}</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="271" />
        <source>{state}. To send: stock changes {stock} · deliveries {deliveries}.</source>
        <translation>{state}。待发送：{stock} 项库存变动、{deliveries} 个发货。</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="316" />
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="331" />
        <source>{count} test pages sent</source>
        <translation>已发送 {count} 张测试页</translation>
    </message>
</context>
<context>
    <name>SyncLog</name>
    <message>
        <location filename="../backoffice/sync_words.py" line="16" />
        <source>Barcode {barcode} belongs to SKU {owner} here but to SKU {code} online: not moved; check both products</source>
        <translation>条码 {barcode} 在本店属于 SKU {owner}，线上属于 SKU {code}：未改动，请核对两个商品</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="21" />
        <source>Catalog: {read} SKUs read, {created} new, {changed} changed, {conflicts} conflicts, {deactivated} no longer online</source>
        <translation>商品同步：读取 {read} 个 SKU，新增 {created}，变更 {changed}，冲突 {conflicts}，线上已下架 {deactivated}</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="26" />
        <source>New online order {order} for {fulfilment}: {units} units</source>
        <translation>新线上订单 {order}（{fulfilment}）：{units} 件</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="27" />
        <source>Online SKU {red_sku} has a barcode the store cannot use ({reason})</source>
        <translation>线上 SKU {red_sku} 的条码本店无法使用（{reason}）</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="30" />
        <source>Online order {order} delivered</source>
        <translation>线上订单 {order} 已交付</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="31" />
        <source>Online order {order} has SKUs the store does not know: {skus}</source>
        <translation>线上订单 {order} 含有本店没有的 SKU：{skus}</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="32" />
        <source>Online order {order} was cancelled before its delivery was sent; the goods were handed over: check with the customer and count the stock</source>
        <translation>线上订单 {order} 在发货同步前被取消，但商品已交付：请联系顾客并盘点库存</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="37" />
        <source>Opening stock taken from the {source}: {skus} SKUs, {added} units added, {removed} removed</source>
        <translation>期初库存取自{source}：{skus} 个 SKU，增加 {added} 件，减少 {removed} 件</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="42" />
        <source>SKU code {code} belongs to online SKU {linked} here, but online SKU {red_sku} has it too: not applied</source>
        <translation>SKU 编码 {code} 在本店对应线上 SKU {linked}，但线上 SKU {red_sku} 也使用它：未应用</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="47" />
        <source>SKU {code} (online {red_sku}) is no longer in the online store: deactivated</source>
        <translation>SKU {code}（线上 {red_sku}）已不在线上店铺：已停用</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="50" />
        <source>The online catalog changed while it was read in full; SKUs gone online are looked for at the next full read</source>
        <translation>全量读取时线上商品有变动；线上已删除的 SKU 将在下次全量读取时处理</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="55" />
        <source>The online catalog changed while it was read; reading again</source>
        <translation>读取时线上商品有变动，正在重新读取</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="56" />
        <source>The online store is out of reach; changes wait</source>
        <translation>无法连接线上店铺，变动等待同步</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="57" />
        <source>The online store is reachable again</source>
        <translation>线上店铺已恢复连接</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="58" />
        <source>The online store refused the delivery of order {order}: {reason}</source>
        <translation>线上店铺拒绝了订单 {order} 的发货：{reason}</translation>
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="61" />
        <source>The online store refused the stock of SKU {code} ({on_hand}): {reason}. Check it in the reconciliation</source>
        <translation>线上店铺拒绝了 SKU {code} 的库存（{on_hand}）：{reason}。请在对账中核对</translation>
    </message>
</context>
<context>
    <name>UnsoldPaymentsScreen</name>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="39" />
        <source>Payments taken without a sale</source>
        <translation>已收款但未生成销售的付款</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="41" />
        <source>The customer paid, but no sale holds the payment. Attach it to the sale rung up on the sale screen, or refund it to the customer.</source>
        <translation>顾客已付款，但没有销售单对应这笔钱。可将其关联到收银界面上已录入的销售，或原路退还给顾客。</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="47" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="48" />
        <source>Wallet</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="49" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="50" />
        <source>Order number</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="51" />
        <source>Provider's number</source>
        <translation>支付机构单号</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="52" />
        <source>Terminal</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="53" />
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="59" />
        <source>Reason for the refund (required)</source>
        <translation>退款原因（必填）</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="60" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="61" />
        <source>Attach to the sale in the cart</source>
        <translation>关联到购物车中的销售</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="62" />
        <source>Refund to the customer</source>
        <translation>原路退还顾客</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="73" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="73" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="83" />
        <source>No payment provider is configured at this counter.</source>
        <translation>本收银台未配置任何支付机构。</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="94" />
        <source>Payments waiting for a manager: {count}</source>
        <translation>待店长处理的付款：{count} 笔</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="96" />
        <source>Every payment taken is in a sale.</source>
        <translation>所有已收款项都已计入销售。</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="108" />
        <source>test payment</source>
        <translation>测试付款</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="108" />
        <source>sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="121" />
        <source>Choose a payment in the list first</source>
        <translation>请先在列表中选择一笔付款</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="136" />
        <source>Ring up what the customer paid for on the sale screen first: the cart's total {cart} must be the payment's {amount}</source>
        <translation>请先在收银界面录入顾客所购商品：购物车合计 {cart} 须与付款金额 {amount} 相同</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="146" />
        <source>The payment now pays sale {receipt}</source>
        <translation>该付款已计入销售 {receipt}</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="157" />
        <source>Say why the payment is refunded</source>
        <translation>请填写退款原因</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="166" />
        <source>Refunded to the customer through the provider</source>
        <translation>已通过支付机构原路退还顾客</translation>
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="168" />
        <source>Refund sent; the provider has not confirmed it yet</source>
        <translation>退款已提交，支付机构尚未确认</translation>
    </message>
</context>
</TS>