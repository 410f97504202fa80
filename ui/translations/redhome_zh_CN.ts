<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AmountDialog</name>
    <message>
        <location filename="../dialogs/amount.py" line="59" />
        <source>OK (Enter)</source>
        <translation>确定 (Enter)</translation>
    </message>
    <message>
        <location filename="../dialogs/amount.py" line="60" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../dialogs/approval.py" line="43" />
        <source>Approval needed</source>
        <translation>需要授权</translation>
    </message>
    <message>
        <location filename="../dialogs/approval.py" line="54" />
        <source>A supervisor or manager enters their staff number and PIN.</source>
        <translation>请主管或店长输入工号和密码。</translation>
    </message>
    <message>
        <location filename="../dialogs/approval.py" line="58" />
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../dialogs/approval.py" line="60" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../dialogs/approval.py" line="78" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../cart_table.py" line="48" />
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../cart_table.py" line="49" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../cart_table.py" line="50" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../cart_table.py" line="51" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../cart_table.py" line="52" />
        <source>Savings</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../cart_table.py" line="53" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../cart_table.py" line="126" />
        <source>Lot {lot}</source>
        <translation>批号 {lot}</translation>
    </message>
</context>
<context>
    <name>CashCountDialog</name>
    <message>
        <location filename="../dialogs/cash_count.py" line="28" />
        <source>Count the cash</source>
        <translation>清点现金</translation>
    </message>
    <message>
        <location filename="../dialogs/cash_count.py" line="32" />
        <source>Blind count: enter how many of each note and coin are in the drawer. What the drawer should hold is shown only on the Z report.</source>
        <translation>盲点：输入钱箱中每种面额的张数/枚数。应有金额只在日结报表上显示。</translation>
    </message>
    <message>
        <location filename="../dialogs/cash_count.py" line="60" />
        <source>Use this count</source>
        <translation>使用此金额</translation>
    </message>
    <message>
        <location filename="../dialogs/cash_count.py" line="61" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../dialogs/cash_count.py" line="85" />
        <source>Enter whole numbers of notes and coins</source>
        <translation>请输入整数张数/枚数</translation>
    </message>
    <message>
        <location filename="../dialogs/cash_count.py" line="90" />
        <source>Counted: {amount}</source>
        <translation>清点合计：{amount}</translation>
    </message>
</context>
<context>
    <name>CounterActions</name>
    <message>
        <location filename="../counter_actions.py" line="89" />
        <source>Today's sales / reprint</source>
        <translation>今日流水 / 小票重打</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="90" />
        <source>Price check</source>
        <translation>查价</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="91" />
        <location filename="../counter_actions.py" line="149" />
        <source>Void last sale</source>
        <translation>整单作废</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="92" />
        <location filename="../counter_actions.py" line="209" />
        <source>Cash in (float)</source>
        <translation>存入备用金</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="93" />
        <location filename="../counter_actions.py" line="209" />
        <source>Cash out</source>
        <translation>取款</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="94" />
        <source>Shift and close</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="95" />
        <source>Points rewards</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="102" />
        <source>Rewards are for members: find the member first (F7)</source>
        <translation>积分兑换仅限会员：请先查找会员（F7）</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="137" />
        <source>This shift has no sale to void</source>
        <translation>本班次没有可作废的销售</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="140" />
        <source>Void sale {receipt} of {amount} ({time})? Its payments are given back and its goods go back to stock.</source>
        <translation>作废小票 {receipt}（{amount}，{time}）？款项将退还，商品退回库存。</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="152" />
        <source>Void the sale</source>
        <translation>确认作废</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="166" />
        <source>Voiding sale {receipt} needs a supervisor.</source>
        <translation>作废小票 {receipt} 需要主管授权。</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="191" />
        <source>Sale {receipt} voided; give back {refunds}</source>
        <translation>小票 {receipt} 已作废；请退还 {refunds}</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="210" />
        <source>Put cash into the drawer: how much, and why?</source>
        <translation>向钱箱存入现金：金额和原因？</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="212" />
        <source>Take cash out of the drawer: how much, and why?</source>
        <translation>从钱箱取出现金：金额和原因？</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="231" />
        <source>Moving {amount} of cash needs a supervisor.</source>
        <translation>现金存取 {amount} 需要主管授权。</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="256" />
        <source>Cash in of {amount} recorded</source>
        <translation>已登记存入备用金 {amount}</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="258" />
        <source>Cash out of {amount} recorded</source>
        <translation>已登记取款 {amount}</translation>
    </message>
</context>
<context>
    <name>CounterPromotions</name>
    <message>
        <location filename="../promotion_counter.py" line="79" />
        <source>The promotions changed while the sale was rung up: it is priced again with those in force now. New total {amount}: take the payment again.</source>
        <translation>收银期间促销规则已变更：本单已按当前有效的促销重新计价。新应收 {amount}，请重新收款。</translation>
    </message>
    <message>
        <location filename="../promotion_counter.py" line="93" />
        <source>Discounts: {amount}</source>
        <translation>优惠：{amount}</translation>
    </message>
    <message>
        <location filename="../promotion_counter.py" line="96" />
        <source>Promotions: {amount}</source>
        <translation>促销优惠：{amount}</translation>
    </message>
    <message>
        <location filename="../promotion_counter.py" line="101" />
        <source>Points rewards: {amount}</source>
        <translation>积分兑换：{amount}</translation>
    </message>
    <message>
        <location filename="../promotion_counter.py" line="108" />
        <source>Member {name} · {points} points</source>
        <translation>会员 {name} · {points} 积分</translation>
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <location filename="../status.py" line="76" />
        <source>● Offline mode</source>
        <translation>● 单机模式</translation>
    </message>
    <message>
        <location filename="../status.py" line="79" />
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../status.py" line="82" />
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <location filename="../status.py" line="85" />
        <source>Waiting to sync: {count}</source>
        <translation>待同步：{count}</translation>
    </message>
    <message>
        <location filename="../status.py" line="89" />
        <source>Printer: {count} failed</source>
        <translation>打印机：{count} 个失败</translation>
    </message>
    <message>
        <location filename="../status.py" line="94" />
        <source>Printer: {count} waiting</source>
        <translation>打印机：{count} 个等待</translation>
    </message>
    <message>
        <location filename="../status.py" line="98" />
        <source>Printer: ready</source>
        <translation>打印机：就绪</translation>
    </message>
    <message>
        <location filename="../status.py" line="103" />
        <source>Clerk: nobody logged in</source>
        <translation>收银员：未登录</translation>
    </message>
    <message>
        <location filename="../status.py" line="106" />
        <source>{role}: {name} ({code})</source>
        <translation>{role}：{name}（{code}）</translation>
    </message>
    <message>
        <location filename="../status.py" line="113" />
        <source>Shift: closed</source>
        <translation>班次：未开班</translation>
    </message>
    <message>
        <location filename="../status.py" line="115" />
        <source>Shift: #{number} open</source>
        <translation>班次：#{number} 进行中</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../customer_display.py" line="77" />
        <source>Customer display</source>
        <translation>客显</translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="89" />
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="102" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="102" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="102" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="117" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="132" />
        <source>Please show your payment code</source>
        <translation>请出示付款码</translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="134" />
        <source>To pay</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="147" />
        <source>Your change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="153" />
        <source>Thank you, see you again</source>
        <translation>谢谢惠顾，欢迎再次光临</translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="163" />
        <source>Your receipt: keep it for returns</source>
        <translation>电子小票码，退换货时出示</translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="227" />
        <source>saved {amount}</source>
        <translation>省 {amount}</translation>
    </message>
    <message numerus="yes">
        <location filename="../customer_display.py" line="240" />
        <source>%n item(s)</source>
        <translation><numerusform>共 %n 件</numerusform></translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="242" />
        <source>You save {amount}</source>
        <translation>为您节省 {amount}</translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="256" />
        <source>Paid {amount}</source>
        <translation>实付 {amount}</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../dialogs/discount.py" line="84" />
        <source>Whole order</source>
        <translation>整单</translation>
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="75" />
        <source>Discount or price change</source>
        <translation>折扣 / 改价</translation>
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="83" />
        <source>This line: {title}</source>
        <translation>单行：{title}</translation>
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="93" />
        <source>Amount off (￥)</source>
        <translation>减金额 (￥)</translation>
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="93" />
        <source>Discount (折)</source>
        <translation>打折</translation>
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="93" />
        <source>Change price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="120" />
        <source>OK (Enter)</source>
        <translation>确定 (Enter)</translation>
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="121" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="155" />
        <source>Type the 折: 8 = 8折 (pay 80%), 85 = 85折, 9.5 = 95折</source>
        <translation>输入折数：8 = 8折（付 80%），85 = 85折，9.5 = 95折</translation>
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="156" />
        <source>Type the yuan taken off, e.g. 20</source>
        <translation>输入减免的金额（元），如 20</translation>
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="157" />
        <source>Type the new unit price in yuan (list price {price})</source>
        <translation>输入新的单价（元），原价 {price}</translation>
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="197" />
        <source>Customer pays {paid}, saves {saved}</source>
        <translation>顾客实付 {paid}，优惠 {saved}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../error_texts.py" line="8" />
        <source>',' expected</source>
        <translation>此处应为 ','</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="9" />
        <source>':' expected</source>
        <translation>此处应为 ':'</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="10" />
        <source>A GS1 DataMatrix cannot be made of {code}: a bracket inside a field; print a GS1-128 instead</source>
        <translation>无法生成 {code} 的 GS1 DataMatrix：字段中含有括号，请改印 GS1-128</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="14" />
        <source>A GS1 DataMatrix cannot be made of {code}: {detail}</source>
        <translation>无法生成 {code} 的 GS1 DataMatrix：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="15" />
        <source>A PIN is {low} to {high} digits</source>
        <translation>密码为 {low} 到 {high} 位数字</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="16" />
        <source>A SKU code appears twice in the catalog being loaded</source>
        <translation>导入的商品目录中有重复的 SKU 编码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="17" />
        <source>A SKU needs a code</source>
        <translation>SKU 需要编码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="18" />
        <source>A VAT rate cannot be negative: {rate}</source>
        <translation>增值税率不能为负数：{rate}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="19" />
        <source>A WeChat Pay or Alipay payment counts only once the provider has confirmed it: scan the customer's payment code to charge it</source>
        <translation>微信支付或支付宝付款须经支付机构确认后才算收款：请扫描顾客的付款码发起收款</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="23" />
        <source>A backup cannot overwrite the database itself</source>
        <translation>备份不能覆盖数据库本身</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="24" />
        <source>A barcode appears twice in the catalog being loaded</source>
        <translation>导入的商品目录中有重复的条码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="25" />
        <source>A barcode holds digits only: {code}</source>
        <translation>条码只能是数字：{code}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="26" />
        <source>A bundle holds at least two items</source>
        <translation>组合至少包含两件商品</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="27" />
        <source>A bundle names its SKUs and how many of each</source>
        <translation>组合需列出其中的 SKU 及各自数量</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="28" />
        <source>A cash drawer kick cannot be reprinted</source>
        <translation>开钱箱指令不能重印</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="29" />
        <source>A counted quantity cannot be negative (SKU {sku_id}: {units})</source>
        <translation>盘点数量不能为负（SKU {sku_id}：{units}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="30" />
        <source>A counted quantity cannot be negative: {counted}</source>
        <translation>盘点数量不能为负：{counted}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="31" />
        <source>A delivery adds at least one unit, not {quantity}</source>
        <translation>收货至少一件，不能是 {quantity}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="32" />
        <source>A discount cannot be more than 100%</source>
        <translation>折扣不能超过 100%</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="33" />
        <source>A discount cannot be negative</source>
        <translation>折扣不能为负</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="34" />
        <source>A discount is either a percentage or an amount, not both</source>
        <translation>折扣只能是百分比或金额，不能同时两者</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="35" />
        <source>A discount must take something off the price</source>
        <translation>折扣必须让价格有所降低</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="36" />
        <source>A link to {host} is not a RED note; it was not opened</source>
        <translation>{host} 的链接不是小红书笔记，未打开</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="37" />
        <source>A lot number is up to 20 letters, digits or signs: {lot}</source>
        <translation>批号最多 20 个字母、数字或符号：{lot}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="38" />
        <source>A lot take needs a positive quantity</source>
        <translation>出库数量必须大于零</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="39" />
        <source>A member can be enrolled only with the customer's consent</source>
        <translation>须经顾客同意才能登记为会员</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="40" />
        <source>A note for a parked sale is at most 100 characters</source>
        <translation>挂单备注最多 100 个字</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="41" />
        <source>A parcel cannot hold {units} of {item}: {left} still to send</source>
        <translation>一个包裹装不下 {units} 件 {item}：还剩 {left} 件待发</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="42" />
        <source>A payment must be more than zero</source>
        <translation>支付金额必须大于零</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="43" />
        <source>A payment on the external terminal needs the terminal's reference</source>
        <translation>外部收款须填写收款终端的参考号</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="46" />
        <source>A percentage cannot be negative</source>
        <translation>百分比不能为负</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="47" />
        <source>A price cannot be negative (SKU {sku})</source>
        <translation>价格不能为负数（SKU {sku}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="48" />
        <source>A product needs a Chinese title</source>
        <translation>商品需要中文名称</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="49" />
        <source>A promotion ends on or after the day it starts</source>
        <translation>促销结束日期不能早于开始日期</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="50" />
        <source>A promotion needs a code</source>
        <translation>促销需要一个编码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="51" />
        <source>A promotion with code {code} exists already</source>
        <translation>编码为 {code} 的促销已存在</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="52" />
        <source>A promotion's daily hours cannot start and end together</source>
        <translation>促销每日时段的开始和结束不能相同</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="53" />
        <source>A promotion's percentage runs from 0 to 100%</source>
        <translation>促销百分比须在 0 到 100% 之间</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="54" />
        <source>A quantity is a whole number of units, not {quantity}</source>
        <translation>数量必须是整数件，不能是 {quantity}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="55" />
        <source>A reconciliation decision needs a reason</source>
        <translation>对账处理需要填写原因</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="56" />
        <source>A refund cannot be negative</source>
        <translation>退款不能为负</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="57" />
        <source>A refund needs a reason</source>
        <translation>退款需要填写原因</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="58" />
        <source>A refund of {amount} fen is more than the {left} fen left of payment {number}</source>
        <translation>退款 {amount} 分超过了支付单 {number} 剩余可退的 {left} 分</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="61" />
        <source>A report period ends on or after its first day</source>
        <translation>报表期间的结束日不能早于开始日</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="62" />
        <source>A return by the receipt number alone needs a manager's approval, not a supervisor's: scan the code on the receipt, or ask a manager</source>
        <translation>仅凭小票号退货需要店长批准（主管批准不够）：请扫描小票上的二维码，或请店长批准</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="66" />
        <source>A return by the receipt number alone needs a manager: scan the code on the receipt, or ask a manager to approve</source>
        <translation>仅凭小票号退货需要店长：请扫描小票上的二维码，或请店长批准</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="70" />
        <source>A return needs a reason</source>
        <translation>退货需要填写原因</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="71" />
        <source>A reward costs at least one point</source>
        <translation>兑换至少需要 1 积分</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="72" />
        <source>A reward is either a gift SKU or an amount off, not both</source>
        <translation>积分兑换要么是赠品 SKU，要么是抵扣金额，二者选其一</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="73" />
        <source>A reward needs a code</source>
        <translation>积分兑换需要一个编码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="74" />
        <source>A sale total cannot be negative</source>
        <translation>销售总额不能为负</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="75" />
        <source>A shift is already open at {terminal}</source>
        <translation>收银台 {terminal} 已有班次在进行</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="76" />
        <source>A shipped parcel needs its express number and courier</source>
        <translation>已发货包裹需要快递单号和快递公司</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="77" />
        <source>A staff member needs a code and a name</source>
        <translation>员工需要工号和姓名</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="78" />
        <source>A stock adjustment needs a reason</source>
        <translation>库存调整需要原因</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="79" />
        <source>A stock movement needs an id</source>
        <translation>库存变动需要编号</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="80" />
        <source>A stock movement needs the terminal it was made at</source>
        <translation>库存变动需要记录收银台</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="81" />
        <source>A stock movement of {kind} must change the quantity</source>
        <translation>{kind} 库存变动必须改变数量</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="82" />
        <source>A stock movement's time must carry its time zone (UTC is stored)</source>
        <translation>库存变动时间必须带时区（以 UTC 保存）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="83" />
        <source>A stock quantity is a whole number: {quantity}</source>
        <translation>库存数量必须是整数：{quantity}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="84" />
        <source>A terminal reference is 4 to 32 letters or digits, as printed on the slip</source>
        <translation>参考号应为 4 至 32 位字母或数字，以签购单上印的为准</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="87" />
        <source>A variable-measure layout needs the item and the value in digits 3 to 12, apart from each other</source>
        <translation>称重码格式要求商品码和数值位于第 3 到 12 位，且互不重叠</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="91" />
        <source>A {kind} cannot be resolved by {resolution}</source>
        <translation>{kind} 不能用 {resolution} 处理</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="92" />
        <source>A {kind} must {direction} stock, not {quantity}</source>
        <translation>{kind} 必须{direction}库存，不能是 {quantity}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="93" />
        <source>A 折 is between 0.1 and 9.9 (or 11 to 99): {text}</source>
        <translation>折数须在 0.1 到 9.9 之间（或 11 到 99）：{text}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="94" />
        <source>After-sale {returns} is not waiting for goods to come back to this store</source>
        <translation>售后单 {returns} 不是等待商品退回本店的状态</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="97" />
        <source>After-sale {returns} names an online SKU the store does not know ({sku})</source>
        <translation>售后单 {returns} 含有本店没有的线上 SKU（{sku}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="100" />
        <source>Alipay has no bill for {day} yet: {detail}</source>
        <translation>支付宝尚无 {day} 的账单：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="101" />
        <source>Allocation weights cannot be negative</source>
        <translation>分摊权重不能为负</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="102" />
        <source>An EAN-13 body has 12 digits: {code}</source>
        <translation>EAN-13 主体应为 12 位：{code}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="103" />
        <source>An approval of {action} must say what it covers</source>
        <translation>{action} 的批准必须写明适用范围</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="104" />
        <source>An exchange needs something new in the cart</source>
        <translation>换货需要在购物车中加入新商品</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="105" />
        <source>Another counter was saving at the same moment, so nothing was saved. Try again.</source>
        <translation>另一台收银机正在同时保存，本次未保存任何内容。请重试。</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="108" />
        <source>At most two decimals (fen): {text}</source>
        <translation>最多两位小数（分）：{text}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="109" />
        <source>At most {limit} of one item per line</source>
        <translation>每行同一商品最多 {limit} 件</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="110" />
        <source>Backups from here work for SQLite only; back up a database server with its own tools (pg_dump)</source>
        <translation>此处只能备份 SQLite 数据库；数据库服务器请用其自带工具（pg_dump）备份</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="114" />
        <source>Barcode {code} already belongs to SKU {other}</source>
        <translation>条码 {code} 已属于 SKU {other}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="115" />
        <source>Barcode {code} is already in the catalog</source>
        <translation>条码 {code} 已在商品目录中</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="116" />
        <source>Cannot copy {source} to {target}: {problem}</source>
        <translation>无法将 {source} 复制到 {target}：{problem}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="117" />
        <source>Cannot make a QR code of this text: {detail}</source>
        <translation>无法为此文本生成二维码：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="118" />
        <source>Cannot make a store code from {value!r}: use capital letters, digits and '-'</source>
        <translation>无法用 {value!r} 生成门店码：请使用大写字母、数字和“-”</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="121" />
        <source>Cannot open the database {url}: {problem}</source>
        <translation>无法打开数据库 {url}：{problem}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="122" />
        <source>Cannot print {code!r} as a GS1 barcode: {detail}</source>
        <translation>无法将 {code!r} 打印为 GS1 条码：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="123" />
        <source>Cannot print {code} as a {symbology} barcode: {detail}</source>
        <translation>无法将 {code} 打印为 {symbology} 条码：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="124" />
        <source>Cannot read {file}: {problem}</source>
        <translation>无法读取 {file}：{problem}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="125" />
        <source>Cannot receive fewer than zero units of {code}</source>
        <translation>{code} 的收货数量不能小于零</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="126" />
        <source>Cannot receive fewer than zero units of {code} lot {lot}</source>
        <translation>{code} 批号 {lot} 的收货数量不能小于零</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="127" />
        <source>Cannot sort differences by {sort}</source>
        <translation>不能按 {sort} 排序差异</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="128" />
        <source>Card and wallet payments cannot exceed the amount due; change comes only from cash</source>
        <translation>银行卡和钱包支付不能超过应收金额；只有现金可以找零</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="132" />
        <source>Check digit wrong in {code}: scan again</source>
        <translation>条码 {code} 校验位错误：请重新扫描</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="133" />
        <source>Choose at least one line to return</source>
        <translation>请至少选择一行退货</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="134" />
        <source>Copies must be between 1 and {most}</source>
        <translation>份数须在 1 到 {most} 之间</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="135" />
        <source>Courier {code} is not in the online store's list: choose one from the list</source>
        <translation>快递公司 {code} 不在线上店铺的列表中：请从列表中选择</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="138" />
        <source>Delivery {delivery} has no lots received: nothing to label</source>
        <translation>到货单 {delivery} 没有按批号收货的商品，无标签可打印</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="139" />
        <source>Delivery {receiving_id} was already posted</source>
        <translation>收货单 {receiving_id} 已入账</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="140" />
        <source>Earlier payments are still being settled with the provider: try again in a moment</source>
        <translation>之前的付款仍在与支付机构核实中，请稍后再试</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="144" />
        <location filename="../error_texts.py" line="786" />
        <source>Enter a whole number</source>
        <translation>请输入整数</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="145" />
        <source>Exchange {returns} cannot be sent now: its goods must be back here first, and it is sent once</source>
        <translation>换货单 {returns} 现在不能发出：须先收到退回的商品，且只能发出一次</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="149" />
        <source>GS1 DataMatrix needs treepoem and Ghostscript installed</source>
        <translation>打印 GS1 DataMatrix 需要安装 treepoem 和 Ghostscript</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="150" />
        <source>Give a reason for the cash movement</source>
        <translation>请填写现金存取原因</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="151" />
        <source>Give both the hour a promotion starts and the hour it ends</source>
        <translation>请同时填写促销每日的开始和结束时间</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="152" />
        <source>Give the expiry date as year-month-day, e.g. 2027-01-31: {text}</source>
        <translation>有效期请按 年-月-日 填写，如 2027-01-31：{text}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="153" />
        <source>Give the number of items or the amount that earns the discount</source>
        <translation>请填写享受优惠所需的件数或金额</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="154" />
        <source>Give the special price or the percentage paid</source>
        <translation>请填写特价或折扣比例</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="155" />
        <source>Impossible VAT rate: {rate} basis points</source>
        <translation>不可能的增值税率：{rate} 基点</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="156" />
        <source>Impossible amount for a reward</source>
        <translation>积分兑换金额不合理</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="157" />
        <source>Impossible price</source>
        <translation>价格不合理</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="158" />
        <source>Impossible price for {sku}</source>
        <translation>{sku} 的价格不合理</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="159" />
        <source>Impossible special price</source>
        <translation>特价不合理</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="160" />
        <source>Label printers here print no pictures; use a receipt printer</source>
        <translation>此处的标签打印机不能打印图片；请使用小票打印机</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="161" />
        <source>Line {line_id} was already decided ({resolution})</source>
        <translation>第 {line_id} 行已处理（{resolution}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="162" />
        <source>Line {line_no} was voided, nothing to return</source>
        <translation>第 {line_no} 行已作废，无可退货</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="163" />
        <source>Line {line} of {file} is broken: {problem}</source>
        <translation>{file} 第 {line} 行有误：{problem}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="164" />
        <source>Log in to fulfil online orders</source>
        <translation>请登录后处理线上订单</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="165" />
        <source>Lot {lot} expired on {expiry}: it cannot be sold without a manager</source>
        <translation>批号 {lot} 已于 {expiry} 过期：需店长批准才能销售</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="168" />
        <source>Lot {lot} of {code} has a sign a GS1 barcode cannot carry (letters, digits and !"%&amp;'()*+,-./:;&lt;=&gt;?_ only)</source>
        <translation>{code} 的批号 {lot} 含有 GS1 条码不能承载的符号（只能用字母、数字和 !"%&amp;'()*+,-./:;&lt;=&gt;?_）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="172" />
        <source>Name each SKU of a bundle once, with how many of it</source>
        <translation>组合中每个 SKU 只列一次，并写明数量</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="173" />
        <source>Name the {kind}s the promotion is for</source>
        <translation>请指定促销适用的{kind}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="174" />
        <source>No SKU with code {code}</source>
        <translation>没有编码为 {code} 的 SKU</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="175" />
        <source>No SKU {code} in the catalog</source>
        <translation>商品库中没有 SKU {code}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="176" />
        <source>No SKU {sku_id}</source>
        <translation>没有 SKU {sku_id}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="177" />
        <source>No SKU {sku_id} in the catalog</source>
        <translation>商品库中没有 SKU {sku_id}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="178" />
        <source>No SKU {sku_id} to link to the note</source>
        <translation>没有可关联到笔记的 SKU {sku_id}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="179" />
        <source>No badge {badge_id}</source>
        <translation>没有编号为 {badge_id} 的工牌</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="180" />
        <source>No clear answer from the provider: the payment was reversed, so the customer keeps (or gets back) the money. Scan a fresh code to try again</source>
        <translation>支付机构未给出明确结果：本次收款已撤销，顾客的钱不会被扣（已扣的原路退回）。请让顾客刷新付款码后重新扫码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="184" />
        <source>No code secret is set for this store: members cannot be kept</source>
        <translation>本店未设置编码密钥：无法保存会员</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="185" />
        <source>No code secret is set for this store: store codes cannot be checked</source>
        <translation>本店未设置门店码密钥：无法校验门店码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="188" />
        <source>No configuration folder to keep the sealed keys in</source>
        <translation>没有用于存放加密密钥的配置文件夹</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="189" />
        <source>No delivery {receiving_id}</source>
        <translation>没有收货单 {receiving_id}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="190" />
        <source>No line {line_no} in the cart</source>
        <translation>购物车中没有第 {line_no} 行</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="191" />
        <source>No line {line_no} on this sale</source>
        <translation>此销售单没有第 {line_no} 行</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="192" />
        <source>No member with phone {phone}</source>
        <translation>没有手机号为 {phone} 的会员</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="193" />
        <source>No member {number}</source>
        <translation>没有会员 {number}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="194" />
        <source>No parked cart {cart_id} at this terminal</source>
        <translation>本收银台没有挂单 {cart_id}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="195" />
        <source>No payment with order number {number}</source>
        <translation>没有单号为 {number} 的支付</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="196" />
        <source>No printer named {printer} is set up</source>
        <translation>未设置名为 {printer} 的打印机</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="197" />
        <source>No product has the code {code}</source>
        <translation>没有编码为 {code} 的商品</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="198" />
        <source>No product has the code {code}: check the label or search by name</source>
        <translation>没有编码为 {code} 的商品：请核对标签或按名称搜索</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="201" />
        <source>No product {product} for SKU {sku}</source>
        <translation>SKU {sku} 没有对应的商品 {product}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="202" />
        <source>No product {sku_id}</source>
        <translation>没有商品 {sku_id}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="203" />
        <source>No promotion with code {code}</source>
        <translation>没有编码为 {code} 的促销</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="204" />
        <source>No receipt preset for {columns} columns</source>
        <translation>没有 {columns} 列的小票预设</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="205" />
        <source>No reconciliation line {line_id}</source>
        <translation>没有对账行 {line_id}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="206" />
        <source>No reconciliation run {run_id}</source>
        <translation>没有对账批次 {run_id}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="207" />
        <source>No report called {name}; reports: {names}</source>
        <translation>没有名为 {name} 的报表；可用报表：{names}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="208" />
        <source>No reward {code}</source>
        <translation>没有积分兑换 {code}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="209" />
        <source>No sale with receipt number {receipt}</source>
        <translation>没有小票号为 {receipt} 的销售单</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="210" />
        <source>No shift is open at {terminal}: open a shift first</source>
        <translation>收银台 {terminal} 没有进行中的班次：请先开班</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="211" />
        <source>No staff member {staff_id}</source>
        <translation>没有员工 {staff_id}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="212" />
        <source>No stock count {count_id}</source>
        <translation>没有盘点单 {count_id}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="213" />
        <source>Not a UPC-E code: {code}</source>
        <translation>不是 UPC-E 码：{code}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="214" />
        <source>Not a barcode: {code}</source>
        <translation>不是条码：{code}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="215" />
        <source>Not a code the store knows: {preview}</source>
        <translation>门店无法识别此码：{preview}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="216" />
        <source>Not a discount in 折: {text}</source>
        <translation>不是有效的折数：{text}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="217" />
        <source>Not a mobile number: {text}</source>
        <translation>不是有效的手机号：{text}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="218" />
        <source>Not a store code</source>
        <translation>不是门店码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="219" />
        <source>Not an amount: {text}</source>
        <translation>不是金额：{text}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="220" />
        <source>Not enough points: {wanted} wanted</source>
        <translation>积分不足：需要 {wanted}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="221" />
        <source>Not enough stock of {sku}: {on_hand} on hand, {wanted} needed</source>
        <translation>{sku} 库存不足：现有 {on_hand}，需要 {wanted}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="222" />
        <source>Not sent to the online store ({method}): {error_msg}</source>
        <translation>未发送到线上店铺（{method}）：{error_msg}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="223" />
        <source>Nothing is left to pay that the reward could take off</source>
        <translation>本单已无可抵扣的金额</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="224" />
        <source>Nothing of online order {order} is left to send</source>
        <translation>线上订单 {order} 已没有待发的商品</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="225" />
        <source>Nothing to allocate the amount to</source>
        <translation>没有可分摊金额的对象</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="226" />
        <source>Nothing to receive</source>
        <translation>没有可收货的商品</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="227" />
        <source>Nothing was read: scan again</source>
        <translation>未读到内容：请重新扫描</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="228" />
        <source>Online order {order} has SKUs the store does not know ({skus}): link them in the catalog first</source>
        <translation>线上订单 {order} 含有门店未知的 SKU（{skus}）：请先在商品库中关联</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="232" />
        <source>Online order {order} has already been delivered</source>
        <translation>线上订单 {order} 已交付</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="233" />
        <source>Online order {order} has no line {line}</source>
        <translation>线上订单 {order} 没有第 {line} 行</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="234" />
        <source>Online order {order} has no receiver phone</source>
        <translation>线上订单 {order} 没有收货人电话</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="235" />
        <source>Online order {order} has not been shipped with a courier</source>
        <translation>线上订单 {order} 未通过快递发出</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="236" />
        <source>Online order {order} is handed over whole at the counter</source>
        <translation>线上订单 {order} 须在柜台整单交付</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="237" />
        <source>Online order {order} is not one this store fulfils</source>
        <translation>线上订单 {order} 不由本店履约</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="238" />
        <source>Online order {order} was already handed over on {when} by {name} at till {terminal}: do not hand it over again</source>
        <translation>线上订单 {order} 已于 {when} 由 {name} 在收银台 {terminal} 交付：请勿重复交付</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="242" />
        <source>Online order {order} was already shipped on {when} by {name} at till {terminal}: do not hand it over</source>
        <translation>线上订单 {order} 已于 {when} 由 {name} 在收银台 {terminal} 发货：请勿交付</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="246" />
        <source>Online order {order} was cancelled: do not hand it over</source>
        <translation>线上订单 {order} 已取消：请勿交付</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="247" />
        <source>Only a manager may see a receiver's phone in clear</source>
        <translation>只有店长可以查看收货人电话明文</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="248" />
        <source>Only a payment without a sale can be refunded here; a sale's payment is refunded by returning its goods</source>
        <translation>这里只能退还未生成销售单的付款；已成交销售的付款请通过退货办理退款</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="252" />
        <source>Only a refund the provider refused can be paid in cash instead</source>
        <translation>只有被支付机构拒绝的退款才能改退现金</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="253" />
        <source>Only a staff member who has logged in may do this</source>
        <translation>只有已登录的员工才能进行此操作</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="254" />
        <source>Only expired units are left for {wanted} more: a manager must approve selling expired goods</source>
        <translation>剩余 {wanted} 件只有过期库存：销售过期商品需店长批准</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="258" />
        <source>Only {left} of {sku} can still be returned</source>
        <translation>{sku} 仅剩 {left} 件可退</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="259" />
        <source>Parcel {number} of {count} does not exist</source>
        <translation>第 {number}/{count} 个包裹不存在</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="260" />
        <source>Parcel {parcel} of online order {order} already has express number {number}</source>
        <translation>线上订单 {order} 的第 {parcel} 个包裹已使用快递单号 {number}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="263" />
        <source>Payment refused ({code}): {detail}. Nothing was taken</source>
        <translation>付款被拒绝（{code}）：{detail}。未扣款</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="264" />
        <source>Payment refused: the customer's balance is not enough. Nothing was taken</source>
        <translation>付款被拒绝：顾客余额不足。未扣款</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="267" />
        <source>Payment refused: the payment code has expired or was already used. Ask the customer to refresh the code and scan again. Nothing was taken</source>
        <translation>付款被拒绝：付款码已过期或已使用。请顾客刷新付款码后重新扫码。未扣款</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="271" />
        <source>Points pay only for a member: find the member first</source>
        <translation>积分只能由会员使用：请先查找会员</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="272" />
        <source>Printer {printer} cannot be reached: {detail}</source>
        <translation>无法连接打印机 {printer}：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="273" />
        <source>Printer {printer} has no cash drawer in its settings</source>
        <translation>打印机 {printer} 的设置中没有钱箱</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="274" />
        <source>Printer {printer} is a label printer and has no cash drawer</source>
        <translation>打印机 {printer} 是标签打印机，没有钱箱</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="275" />
        <source>Printer {printer} is not ready: {state}</source>
        <translation>打印机 {printer} 未就绪：{state}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="276" />
        <source>Printer {printer} needs a file or device path</source>
        <translation>打印机 {printer} 需要文件或设备路径</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="277" />
        <source>Printer {printer} needs a host address</source>
        <translation>打印机 {printer} 需要主机地址</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="278" />
        <source>Printer {printer} needs the {package} package installed</source>
        <translation>打印机 {printer} 需要安装 {package} 软件包</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="279" />
        <source>Printer {printer}: dot width {value} is too small for {columns} columns</source>
        <translation>打印机 {printer}：点宽 {value} 不足以打印 {columns} 列</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="282" />
        <source>Printer {printer}: encoding must be gbk or gb18030, not {value!r}</source>
        <translation>打印机 {printer}：编码须为 gbk 或 gb18030，不能是 {value!r}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="285" />
        <source>Printer {printer}: unknown printer language {value!r}</source>
        <translation>打印机 {printer}：未知的打印语言 {value!r}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="286" />
        <source>Printer {printer}: unknown transport {value!r}</source>
        <translation>打印机 {printer}：未知的连接方式 {value!r}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="287" />
        <source>Printer {printer}: {value} columns is not a paper width</source>
        <translation>打印机 {printer}：{value} 列不是有效的纸宽</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="288" />
        <source>Products are named by their number</source>
        <translation>商品请用编号表示</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="289" />
        <source>RED SKU {red_sku} already belongs to SKU {owner}</source>
        <translation>RED SKU {red_sku} 已属于 SKU {owner}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="290" />
        <source>RED SKU {red_sku} is already in the catalog</source>
        <translation>小红书 SKU {red_sku} 已在商品目录中</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="291" />
        <source>RED item {item} is already in the catalog</source>
        <translation>小红书商品 {item} 已在商品目录中</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="292" />
        <source>RED item {red_item} belongs to another product than SKU {code}</source>
        <translation>RED 商品 {red_item} 属于另一个商品，而不是 SKU {code} 的商品</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="293" />
        <source>Receipt settings (store header, code secret) are missing</source>
        <translation>缺少小票设置（门店抬头、门店码密钥）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="294" />
        <source>Restores from here work for SQLite only; restore a database server with its own tools (pg_restore)</source>
        <translation>此处只能恢复 SQLite 数据库；数据库服务器请用其自带工具（pg_restore）恢复</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="298" />
        <source>Return at least one</source>
        <translation>至少退一件</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="299" />
        <source>Reward {code} is already in this sale</source>
        <translation>本单已使用积分兑换 {code}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="300" />
        <source>Reward {code} is no longer offered as chosen: take it off and choose it again</source>
        <translation>积分兑换 {code} 已变更或停用：请移除后重新选择</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="303" />
        <source>Reward {code} takes nothing off this sale</source>
        <translation>积分兑换 {code} 对本单没有抵扣</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="304" />
        <source>Rewards are for members: find the member first</source>
        <translation>积分兑换仅限会员：请先查找会员</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="305" />
        <source>SKU code {code} is already on line {line}</source>
        <translation>SKU 编码 {code} 已在第 {line} 行出现</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="306" />
        <source>SKU code {sku} is already in the catalog</source>
        <translation>SKU 编码 {sku} 已在商品目录中</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="307" />
        <source>SKU {code} is already on line {line}</source>
        <translation>SKU {code} 已在第 {line} 行出现</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="308" />
        <source>Sale {receipt} has returns; it cannot be voided</source>
        <translation>销售单 {receipt} 已有退货，不能作废</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="309" />
        <source>Sale {receipt} is already voided</source>
        <translation>销售单 {receipt} 已作废</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="310" />
        <source>Sale {receipt} was voided; nothing to return</source>
        <translation>销售单 {receipt} 已作废，无可退货</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="311" />
        <source>Say how many are bought and how many are free</source>
        <translation>请写明买几件、赠几件</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="312" />
        <source>Say why expired goods are sold</source>
        <translation>请说明销售过期商品的原因</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="313" />
        <source>Scan a RED note first, then its products</source>
        <translation>请先扫描小红书笔记，再扫描其商品</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="314" />
        <source>Scan the gift first: it is not in the sale</source>
        <translation>请先扫描赠品：本单中没有该赠品</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="315" />
        <source>Set the online store's address, app id and secret in the configuration first</source>
        <translation>请先在配置中设置线上店铺的地址、应用 ID 和密钥</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="318" />
        <source>Staff code {code} is taken</source>
        <translation>员工编号 {code} 已被使用</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="319" />
        <source>Stock count {count_id} is {state}</source>
        <translation>盘点单 {count_id} 状态为 {state}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="320" />
        <source>That badge belongs to someone else</source>
        <translation>这个工牌属于其他人</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="321" />
        <source>The Alipay bill address {url} is not https</source>
        <translation>支付宝账单地址 {url} 不是 https</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="322" />
        <source>The Alipay bill archive holds no detail file</source>
        <translation>支付宝账单压缩包里没有业务明细文件</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="323" />
        <source>The Alipay bill archive is damaged</source>
        <translation>支付宝账单压缩包已损坏</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="324" />
        <source>The Alipay bill for {day} could not be had: {detail}</source>
        <translation>无法获取 {day} 的支付宝账单：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="325" />
        <source>The Alipay bill has no column {column}</source>
        <translation>支付宝账单缺少列：{column}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="326" />
        <source>The Alipay bill is larger than {cap} bytes</source>
        <translation>支付宝账单超过 {cap} 字节</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="327" />
        <source>The Alipay bill's row {row} has an unreadable time or amount</source>
        <translation>支付宝账单第 {row} 行的时间或金额无法读取</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="328" />
        <source>The Chinese font {path} is missing; install fonts-wqy-microhei or set the font path</source>
        <translation>缺少中文字体 {path}：请安装 fonts-wqy-microhei 或设置字体路径</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="332" />
        <source>The GS1 DataMatrix needs {needed} dots but the paper has {width}</source>
        <translation>GS1 DataMatrix 需要 {needed} 点宽，纸张只有 {width} 点</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="333" />
        <source>The GS1-128 barcode needs {needed} dots but the paper has {width}: use a wider label or a shorter lot number</source>
        <translation>GS1-128 条码需要 {needed} 点宽，纸张只有 {width} 点：请换用更宽的标签或更短的批号</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="337" />
        <source>The QR code holds too much for a label of this size</source>
        <translation>二维码内容过多，此尺寸标签放不下</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="338" />
        <source>The QR code holds too much to print {width} dots wide</source>
        <translation>二维码内容过多，无法以 {width} 点宽打印</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="339" />
        <source>The WeChat Pay bill address {url} is not WeChat Pay's</source>
        <translation>微信支付账单地址 {url} 不属于微信支付</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="340" />
        <source>The WeChat Pay bill file is damaged</source>
        <translation>微信支付账单文件已损坏</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="341" />
        <source>The WeChat Pay bill for {day} could not be had: {detail}</source>
        <translation>无法获取 {day} 的微信支付账单：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="342" />
        <source>The WeChat Pay bill for {day} does not match its checksum</source>
        <translation>{day} 的微信支付账单与其校验值不符</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="343" />
        <source>The WeChat Pay bill has no column {column}</source>
        <translation>微信支付账单缺少列：{column}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="344" />
        <source>The WeChat Pay bill is larger than {cap} bytes</source>
        <translation>微信支付账单超过 {cap} 字节</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="345" />
        <source>The WeChat Pay bill's line {line} has an unreadable refund amount</source>
        <translation>微信支付账单第 {line} 行的退款金额无法读取</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="348" />
        <source>The WeChat Pay bill's line {line} has an unreadable time or amount</source>
        <translation>微信支付账单第 {line} 行的时间或金额无法读取</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="351" />
        <source>The WeChat Pay bill's line {line} has too few fields</source>
        <translation>微信支付账单第 {line} 行字段不足</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="352" />
        <source>The WeChat Pay platform public key id is not set</source>
        <translation>未设置微信支付平台公钥 ID</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="353" />
        <source>The amount cannot be negative: {text}</source>
        <translation>金额不能为负：{text}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="354" />
        <source>The amount is too large: {text}</source>
        <translation>金额过大：{text}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="355" />
        <source>The amount must be more than zero</source>
        <translation>金额必须大于零</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="356" />
        <source>The approval does not cover a refund of {amount} on {receipt}: ask again</source>
        <translation>该批准不包括小票 {receipt} 的 {amount} 退款：请重新申请</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="359" />
        <source>The approval does not cover selling {sku} × {quantity} past its date: ask again</source>
        <translation>该批准不包括销售过期的 {sku} × {quantity}：请重新申请</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="362" />
        <source>The approval does not cover the discount on the sale: ask again</source>
        <translation>该批准不包括整单折扣：请重新申请</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="363" />
        <source>The approval does not cover the discount on {sku} × {quantity}: ask again</source>
        <translation>该批准不包括 {sku} × {quantity} 的折扣：请重新申请</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="366" />
        <source>The approval does not cover the price of {sku} × {quantity}: ask again</source>
        <translation>该批准不包括 {sku} × {quantity} 的改价：请重新申请</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="369" />
        <source>The barcode is empty</source>
        <translation>条码为空</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="370" />
        <source>The buyer asked to cancel online order {order}: stop picking, do not hand it over or ship it</source>
        <translation>买家已申请取消线上订单 {order}：请停止拣货，不要交付或发货</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="374" />
        <source>The cart is empty</source>
        <translation>购物车是空的</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="375" />
        <source>The customer did not complete the payment. Nothing was taken</source>
        <translation>顾客未完成支付。未扣款</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="376" />
        <source>The customer did not enter the password in time: the payment was cancelled and nothing was taken</source>
        <translation>顾客未在时限内输入支付密码：本次收款已撤销，未扣款</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="380" />
        <source>The customer paid {amount} fen ({number}) but the sale could not be written: {detail}. A manager finds the payment under payments paid without a sale</source>
        <translation>顾客已支付 {amount} 分（{number}），但销售单未能保存：{detail}。店长可在“已收款未成交”中处理这笔付款</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="384" />
        <source>The database has schema {revision}, which is newer than this program knows: update REDHOME POS</source>
        <translation>数据库结构版本为 {revision}，比本程序新：请更新 REDHOME POS</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="388" />
        <source>The database {url} failed: {problem}</source>
        <translation>数据库 {url} 出错：{problem}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="389" />
        <source>The database {url} is damaged or is not a REDHOME database ({problem}): restore it from a backup (redhome-pos db restore FILE)</source>
        <translation>数据库 {url} 已损坏或不是 REDHOME 数据库（{problem}）：请从备份恢复（redhome-pos db restore FILE）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="393" />
        <source>The delivery note is neither UTF-8 nor GB18030 text</source>
        <translation>送货单既不是 UTF-8 也不是 GB18030 文本</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="394" />
        <source>The delivery note needs a code column and a quantity column (found: {columns})</source>
        <translation>送货单需要编码列和数量列（现有：{columns}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="397" />
        <source>The discount is more than the amount</source>
        <translation>折扣超过了金额</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="398" />
        <source>The discounted item is the second or a later one</source>
        <translation>打折的必须是第二件或之后的商品</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="399" />
        <source>The disk of the store database is full, so nothing was saved. Free some space (or call the manager), then try again.</source>
        <translation>门店数据库所在磁盘已满，未保存任何内容。请清理空间（或联系店长）后重试。</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="403" />
        <source>The file is neither UTF-8 nor GBK (line {line}); save it as CSV UTF-8 and try again</source>
        <translation>文件既不是 UTF-8 也不是 GBK 编码（第 {line} 行）；请另存为 CSV UTF-8 后重试</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="407" />
        <source>The file {file} is empty</source>
        <translation>文件 {file} 是空的</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="408" />
        <source>The file {file} is not a CSV file: {problem}</source>
        <translation>文件 {file} 不是 CSV 文件：{problem}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="409" />
        <source>The file {file} is too large to import</source>
        <translation>文件 {file} 太大，无法导入</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="410" />
        <source>The file's encoding is not recognised (it looks like {encoding}): save it as CSV UTF-8 and try again</source>
        <translation>无法识别文件的编码（看起来是 {encoding}）：请另存为 CSV UTF-8 后重试</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="414" />
        <source>The float cannot be negative</source>
        <translation>备用金不能为负</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="415" />
        <source>The header of {file} is wrong: {first}</source>
        <translation>{file} 的表头不对：{first}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="416" />
        <source>The items scanned are not what after-sale {returns} returns: {missing} missing, {extra} not in it</source>
        <translation>扫描的商品与售后单 {returns} 的退货不符：缺少 {missing} 件，多出 {extra} 件</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="420" />
        <source>The label is too small for its QR code and text</source>
        <translation>标签太小，放不下二维码和文字</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="421" />
        <source>The label needs {needed} dots but printer {printer} has {height}; shorten the text</source>
        <translation>标签需要 {needed} 点，但打印机 {printer} 只有 {height} 点；请缩短文字</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="425" />
        <source>The online store answered HTTP {status} to {method}.</source>
        <translation>线上店铺对 {method} 应答 HTTP {status}。</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="426" />
        <source>The online store call {method} failed: {detail}</source>
        <translation>线上店铺接口 {method} 调用失败：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="427" />
        <source>The online store call {method} was redirected (HTTP {status}): redirects are not followed</source>
        <translation>线上店铺接口 {method} 被重定向（HTTP {status}）：不跟随重定向</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="431" />
        <source>The online store could not be reached: {detail}</source>
        <translation>无法连接线上店铺：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="432" />
        <source>The online store did not answer {method} ({detail}). Will try again.</source>
        <translation>线上店铺未应答 {method}（{detail}），稍后将重试。</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="435" />
        <source>The online store is limiting requests ({method}). Will try again later.</source>
        <translation>线上店铺正在限制请求频率（{method}），稍后将重试。</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="438" />
        <source>The online store lists more than it lets us read in one window ({method})</source>
        <translation>线上店铺在一个时间段内列出的记录超过了可读取的上限（{method}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="441" />
        <source>The online store refused the connection ({detail}). Connect the store again.</source>
        <translation>线上店铺拒绝了连接（{detail}），请重新连接店铺。</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="444" />
        <source>The online store refused {method}: {error_msg} (code {error_code})</source>
        <translation>线上店铺拒绝了 {method}：{error_msg}（错误码 {error_code}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="447" />
        <source>The online store sent an answer that cannot be read ({method}): {detail}</source>
        <translation>线上店铺的应答无法读取（{method}）：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="450" />
        <source>The online store sent {what} that cannot be applied ({detail}). Nothing changed.</source>
        <translation>线上店铺发来的{what}无法应用（{detail}），未做任何更改。</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="453" />
        <source>The online store would not reveal the receiver ({error_msg}, code {error_code})</source>
        <translation>线上店铺未提供收件人信息（{error_msg}，错误码 {error_code}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="456" />
        <source>The online store's answer to {method} is larger than {size} MB: it was not read</source>
        <translation>线上店铺对 {method} 的应答超过 {size} MB：未读取</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="459" />
        <source>The online store's certificate could not be verified ({method}). Check the computer's date and the network.</source>
        <translation>无法验证线上店铺的证书（{method}）。请检查电脑日期和网络。</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="463" />
        <source>The opening stock has already been taken; count stock instead</source>
        <translation>期初库存已录入；请改用盘点</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="464" />
        <source>The payment was cancelled: nothing was taken from the customer, or it was paid back</source>
        <translation>收款已取消：未扣顾客的钱，或已原路退回</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="468" />
        <source>The payment {number} has no clear result yet. It is being settled with the provider: do not charge the customer again until it is (payments status)</source>
        <translation>支付单 {number} 尚无明确结果，正在与支付机构核实：核实完成前请勿再次向顾客收款（payments status）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="472" />
        <source>The payment {number} is not a payment without a sale</source>
        <translation>支付单 {number} 不是已收款未成交的付款</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="473" />
        <source>The payment {number} was taken and could not be reversed: a manager must refund it (payments paid without a sale)</source>
        <translation>支付单 {number} 已扣款且无法撤销：须由店长办理退款（已收款未成交）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="477" />
        <source>The picture {name} cannot be read</source>
        <translation>无法读取图片 {name}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="478" />
        <source>The platform refused: {error_msg}</source>
        <translation>平台拒绝：{error_msg}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="479" />
        <source>The printer cannot print the character {character!r} (U+{codepoint:04X}) in {encoding}; change the text or the printer encoding</source>
        <translation>打印机无法用 {encoding} 打印字符 {character!r}（U+{codepoint:04X}）：请修改文字或打印机编码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="483" />
        <source>The promotions changed since this sale was priced: it is priced again with the promotions in force now; take the payment again</source>
        <translation>本单计价后促销规则已变更：已按当前有效的促销重新计价，请重新收款</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="487" />
        <source>The quantity must be at least 1</source>
        <translation>数量至少为 1</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="488" />
        <source>The refund is more than what is left of the sale's {kind} payments</source>
        <translation>退款金额超过了该销售 {kind} 付款的剩余可退金额</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="491" />
        <source>The refund is more than what was paid</source>
        <translation>退款超过了实付金额</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="492" />
        <source>The short link could not be opened ({detail}): scan the product itself</source>
        <translation>短链接无法打开（{detail}）：请直接扫描商品</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="495" />
        <source>The stock of {sku} changed meanwhile: try again</source>
        <translation>{sku} 的库存刚被更改：请重试</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="496" />
        <source>The store already has a catalog; demo data goes into an empty database</source>
        <translation>门店已有商品库；演示数据只能导入空数据库</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="499" />
        <source>The store already has a manager: a manager logs in to add staff</source>
        <translation>本店已有店长：请店长登录后添加员工</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="500" />
        <source>The store code would be {length} characters, more than {limit}</source>
        <translation>门店码将有 {length} 个字符，超过 {limit}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="501" />
        <source>The store code {store!r} must be capital letters, digits and '-', at most 16</source>
        <translation>门店代码 {store!r} 只能包含大写字母、数字和“-”，最多 16 位</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="504" />
        <source>The store database is read-only, so nothing was saved. Call the manager to make it writable, then try again.</source>
        <translation>门店数据库为只读，未保存任何内容。请联系店长将其改为可写后重试。</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="508" />
        <source>The store has no code secret: badges cannot be made</source>
        <translation>本店没有门店码密钥：无法制作工牌</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="509" />
        <source>The stored {what} ({path}) cannot be read: {detail}</source>
        <translation>无法读取已保存的{what}（{path}）：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="510" />
        <source>The stored {what} cannot be decrypted with this computer's secrets key (the keyring entry or keys/secrets.key beside the configuration was lost, replaced or restored from elsewhere). Restore that key from the backup, or store the payment key again: redhome-pos payments key set {slot}</source>
        <translation>已保存的{what}无法用本机的加密密钥解密（系统密钥环中的条目或配置旁的 keys/secrets.key 已丢失、被替换或从别处恢复）。请从备份恢复该密钥，或重新保存支付密钥：redhome-pos payments key set {slot}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="514" />
        <source>The stored {what} is not an RSA private key</source>
        <translation>已保存的{what}不是 RSA 私钥</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="515" />
        <source>The system print command lp is not installed</source>
        <translation>系统打印命令 lp 未安装</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="516" />
        <source>The text has a control character (U+{codepoint:04X}) that cannot be saved: remove it and try again</source>
        <translation>文字中含有无法保存的控制字符（U+{codepoint:04X}）：请删除后重试</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="520" />
        <source>The {provider} bill download for {day} answered HTTP {status}</source>
        <translation>下载 {day} 的 {provider} 账单时返回 HTTP {status}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="521" />
        <source>The {provider} bill for {day} could not be downloaded: {detail}</source>
        <translation>无法下载 {day} 的 {provider} 账单：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="522" />
        <source>The {what} address {url} is not a web address</source>
        <translation>{what}地址 {url} 不是网址</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="523" />
        <source>The {what} address {url} must use https</source>
        <translation>{what}地址 {url} 必须使用 https</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="524" />
        <source>The {what} could not be sealed</source>
        <translation>无法加密保存{what}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="525" />
        <source>The {what} file {path} can be read by other users of this computer (permissions {mode}). Make it readable by its owner only: chmod 600 {path}</source>
        <translation>{what}文件 {path} 可被本机其他用户读取（权限 {mode}）。请设为仅所有者可读：chmod 600 {path}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="529" />
        <source>The {what} file {path} cannot be read: {detail}</source>
        <translation>无法读取{what}文件 {path}：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="530" />
        <source>The {what} file {path} does not exist</source>
        <translation>{what}文件 {path} 不存在</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="531" />
        <source>The {what} file {path} does not hold an RSA private key (PEM or base64)</source>
        <translation>{what}文件 {path} 不含 RSA 私钥（PEM 或 base64）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="534" />
        <source>The {what} file {path} does not hold an RSA public key or certificate</source>
        <translation>{what}文件 {path} 不含 RSA 公钥或证书</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="537" />
        <source>The {what} is 32 characters (letters, digits, signs), as set on the merchant platform</source>
        <translation>{what}为 32 个字符（字母、数字或符号），与商户平台上设置的一致</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="541" />
        <source>The {what} is not stored: a manager stores it with redhome-pos payments key set {slot} --from-file FILE --staff CODE</source>
        <translation>{what}未保存：请店长用 redhome-pos payments key set {slot} --from-file FILE --staff CODE 保存</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="545" />
        <source>The {what} of a promotion must be more than zero</source>
        <translation>促销的{what}必须大于零</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="546" />
        <source>The {what} {path} is not a file</source>
        <translation>{what} {path} 不是文件</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="547" />
        <source>There is no delivery {delivery}</source>
        <translation>没有到货单 {delivery}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="548" />
        <source>There is no online after-sale {returns}</source>
        <translation>没有线上售后单 {returns}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="549" />
        <source>There is no payment key called {name}: use one of {names}</source>
        <translation>没有名为 {name} 的支付密钥：可用的有 {names}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="550" />
        <source>There is no print job {job}</source>
        <translation>没有打印任务 {job}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="551" />
        <source>There is no sale with receipt number {receipt}</source>
        <translation>没有小票号为 {receipt} 的销售单</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="552" />
        <source>There is no sale {sale}</source>
        <translation>没有销售单 {sale}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="553" />
        <source>This GS1 code cannot be read: scan again</source>
        <translation>无法识别此 GS1 码：请重新扫描</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="554" />
        <source>This GS1 code names no product: scan the item's own barcode</source>
        <translation>此 GS1 码未对应任何商品：请扫描商品本身的条码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="555" />
        <source>This RED link is not a note: show the note itself</source>
        <translation>这个小红书链接不是笔记：请出示笔记本身</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="556" />
        <source>This badge belongs to nobody on the staff list</source>
        <translation>员工名单中没有这个工牌</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="557" />
        <source>This badge is from before badges could be revoked: ask a manager for a new one</source>
        <translation>这是旧式工牌（无法单独作废）：请向店长领取新工牌</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="560" />
        <source>This badge was revoked: ask a manager for a new one</source>
        <translation>这个工牌已作废：请向店长领取新工牌</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="561" />
        <source>This code belongs to store {store}</source>
        <translation>此码属于门店 {store}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="562" />
        <source>This code is not a member code</source>
        <translation>这不是会员码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="563" />
        <source>This code is not a receipt</source>
        <translation>此码不是小票码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="564" />
        <source>This counter is not connected to Alipay: use the payment terminal</source>
        <translation>本收银台未接入支付宝，请使用收款终端</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="567" />
        <source>This counter is not connected to WeChat Pay: use the payment terminal</source>
        <translation>本收银台未接入微信支付，请使用收款终端</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="570" />
        <source>This is a RED profile link, not a note: show the note itself</source>
        <translation>这是小红书主页链接，不是笔记：请出示笔记本身</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="571" />
        <source>This is not a pickup code: scan the code on the customer's phone</source>
        <translation>这不是提货码：请扫描顾客手机上的码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="572" />
        <source>This is not a product's code: scan the item or carton</source>
        <translation>这不是商品的条码：请扫描商品或整箱标签</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="573" />
        <source>This is not a staff badge</source>
        <translation>这不是工牌</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="574" />
        <source>This is too long to be a code the store knows ({length} characters)</source>
        <translation>内容过长，不是门店可识别的码（{length} 个字符）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="577" />
        <source>This link cannot be read; it was not opened</source>
        <translation>无法读取此链接，未打开</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="578" />
        <source>This looks like web page text, not a code</source>
        <translation>这看起来是网页文字，不是码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="579" />
        <source>This parcel finishes no product of online order {order}: the online store records a split shipment by whole products, so put the last units of at least one product in it</source>
        <translation>这个包裹没有发完线上订单 {order} 的任何一种商品：线上店铺按整种商品记录拆包发货，请至少放入一种商品的全部剩余件数</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="583" />
        <source>This pickup code is for order {other}, not {order}</source>
        <translation>此提货码属于订单 {other}，不是 {order}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="584" />
        <source>This sale was paid by WeChat Pay or Alipay and its refund goes back the same way, but this counter is not connected to the provider. A manager may approve a cash refund instead</source>
        <translation>此销售由微信支付或支付宝付款，须原路退款，但本收银台未接入该支付机构。可由店长批准改退现金</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="588" />
        <source>This sale was paid by WeChat Pay or Alipay and its refund goes back the same way: pay only what is left to pay for the new goods</source>
        <translation>这笔销售是用微信支付或支付宝付的，退款须原路退回：新商品只需支付剩余应付的金额</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="592" />
        <source>This sale was paid by WeChat Pay or Alipay: a refund in cash instead needs a manager's approval</source>
        <translation>此销售由微信支付或支付宝付款：改退现金须经店长批准</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="596" />
        <source>This scan is not a product: scan the item's barcode</source>
        <translation>扫描的不是商品：请扫描商品条码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="597" />
        <source>This shift has no sale to void</source>
        <translation>本班次没有可作废的销售</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="598" />
        <source>This short link cannot be opened now: scan the product itself</source>
        <translation>暂时无法打开此短链接：请直接扫描商品</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="599" />
        <source>This short link cannot be opened now: show the note itself</source>
        <translation>暂时无法打开此短链接：请出示笔记本身</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="600" />
        <source>This store accepts only the badges its back office issues: log in with your PIN</source>
        <translation>本店只接受后台发放的工牌：请用密码登录</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="603" />
        <source>This store code has characters no store code has (only letters, digits, '-' and '.'): it was refused</source>
        <translation>这个门店码含有门店码不会有的字符（只能是字母、数字、“-”和“.”）：已拒绝</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="607" />
        <source>This store code is forged or damaged: it was refused</source>
        <translation>此门店码是伪造的或已损坏：已拒绝</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="608" />
        <source>This store code was made by a newer program ({version}): update this till</source>
        <translation>此门店码由更新版本的程序生成（{version}）：请升级本收银台</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="611" />
        <source>This store records the card slip's reference number: enter it</source>
        <translation>本店银行卡收款须登记签购单参考号，请输入</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="612" />
        <source>This xhslink.com link has no note code</source>
        <translation>这个 xhslink.com 链接没有笔记码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="613" />
        <source>Type the correct express number</source>
        <translation>请输入正确的快递单号</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="614" />
        <source>Unknown kind of stock movement: {kind}</source>
        <translation>未知的库存变动类型：{kind}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="615" />
        <source>Unknown staff code or wrong PIN</source>
        <translation>工号不存在或密码错误</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="616" />
        <source>Unknown tender: {kinds}</source>
        <translation>未知的支付方式：{kinds}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="617" />
        <source>Unknown variable-measure layout {name!r}: use 'price' or 'weight'</source>
        <translation>未知的称重码格式 {name!r}：请使用 'price' 或 'weight'</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="620" />
        <source>WeChat Pay APIv2 needs the API client certificate and key files</source>
        <translation>微信支付 APIv2 需要 API 客户端证书和密钥文件</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="621" />
        <source>WeChat Pay gave no bill address for {day}</source>
        <translation>微信支付未给出 {day} 的账单地址</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="622" />
        <source>WeChat Pay has no bill for {day} yet: {detail}</source>
        <translation>微信支付尚无 {day} 的账单：{detail}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="623" />
        <source>Weekdays run from 1 (Monday) to 7 (Sunday)</source>
        <translation>星期取值为 1（周一）到 7（周日）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="624" />
        <source>What was given for the {what} is not an RSA private key (PEM or base64)</source>
        <translation>提供的{what}不是 RSA 私钥（PEM 或 base64）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="627" />
        <source>You cannot lower or deactivate your own account</source>
        <translation>您不能降低自己的权限或停用自己的账号</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="628" />
        <source>a Chinese title is required</source>
        <translation>必须填写中文名称</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="629" />
        <source>a SKU code has at most 64 characters and no spaces</source>
        <translation>SKU 编码最多 64 个字符，且不能有空格</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="630" />
        <source>a SKU code is required</source>
        <translation>必须填写 SKU 编码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="631" />
        <source>a VAT rate in percent between 0 and 100</source>
        <translation>增值税率须为 0 到 100 之间的百分数</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="632" />
        <source>a VAT rate in percent, such as 13</source>
        <translation>增值税率须为百分数，例如 13</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="633" />
        <source>a column appears twice</source>
        <translation>有一列出现了两次</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="634" />
        <source>a counted quantity of 0 or more</source>
        <translation>盘点数量须为 0 或更多</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="635" />
        <source>a member name is not a string</source>
        <translation>成员名不是字符串</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="636" />
        <source>a network printer needs its host</source>
        <translation>网络打印机需要填写主机地址</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="637" />
        <source>a price is required</source>
        <translation>必须填写价格</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="638" />
        <source>a rule needs a code</source>
        <translation>促销规则需要一个编码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="639" />
        <source>at most two decimals</source>
        <translation>最多两位小数</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="640" />
        <source>at most {limit} characters</source>
        <translation>最多 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="641" />
        <source>barcode {barcode} already belongs to SKU {owner}</source>
        <translation>条码 {barcode} 已属于 SKU {owner}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="642" />
        <source>barcode {barcode} is already on line {line}</source>
        <translation>条码 {barcode} 已在第 {line} 行出现</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="643" />
        <source>broken CSV: {problem}</source>
        <translation>CSV 格式损坏：{problem}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="644" />
        <source>burst interval and length must be positive</source>
        <translation>扫码间隔和长度必须为正数</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="645" />
        <source>cannot read the configuration file ({problem})</source>
        <translation>无法读取配置文件（{problem}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="646" />
        <source>column {name} has a control character (U+{code})</source>
        <translation>{name} 列含有控制字符（U+{code}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="647" />
        <source>days are 1 (Monday) to 7</source>
        <translation>星期几请写 1（星期一）到 7</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="648" />
        <source>encoding {encoding}, not UTF-8 or GBK</source>
        <translation>编码为 {encoding}，不是 UTF-8 或 GBK</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="649" />
        <source>member prices are set per SKU, not as a rule</source>
        <translation>会员价按 SKU 设置，不能作为促销规则</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="650" />
        <source>migrations run through redhome_pos.persistence.migrate only</source>
        <translation>数据库迁移只能通过 redhome_pos.persistence.migrate 运行</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="651" />
        <source>must be 1 to 16 capital letters, digits or '-' (it is in the store's signed codes), not {value}</source>
        <translation>须为 1 到 16 个大写字母、数字或“-”（它会写入门店签名的条码），不能是 {value}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="655" />
        <source>must be 1 to 16 letters, digits or '-' (it is in receipt numbers)</source>
        <translation>须为 1 到 16 个字母、数字或“-”（它会写入小票号）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="658" />
        <source>must be 32 characters long</source>
        <translation>须为 32 个字符</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="659" />
        <source>must be HMAC-SHA256 or MD5</source>
        <translation>须为 HMAC-SHA256 或 MD5</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="660" />
        <source>must be a number, not {value}</source>
        <translation>须为数字，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="661" />
        <source>must be a printer device or a file of the store's, not a system file ({path})</source>
        <translation>须为打印机设备或门店自己的文件，不能是系统文件（{path}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="664" />
        <source>must be a single value, not a table</source>
        <translation>须为单个值，不能是表</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="665" />
        <source>must be a table</source>
        <translation>须为表</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="666" />
        <source>must be a table [payments.{name}]</source>
        <translation>须为表 [payments.{name}]</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="667" />
        <source>must be a table [payments]</source>
        <translation>须为表 [payments]</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="668" />
        <source>must be a table [{name}]</source>
        <translation>须为表 [{name}]</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="669" />
        <source>must be a table such as [printers.receipt]</source>
        <translation>须为表，例如 [printers.receipt]</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="670" />
        <source>must be a web address, not {value}</source>
        <translation>须为网址，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="671" />
        <source>must be a whole number, not {value}</source>
        <translation>须为整数，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="672" />
        <source>must be at least {least} random characters (it signs receipts and badges); make one with: {command}</source>
        <translation>须为至少 {least} 个随机字符（用于签名小票和工牌）；可用此命令生成：{command}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="676" />
        <source>must be at least {low}, not {value}</source>
        <translation>须至少为 {low}，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="677" />
        <source>must be from {low} to {high} seconds, not {value}</source>
        <translation>须为 {low} 到 {high} 秒，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="678" />
        <source>must be from {low} to {high}, not {value}</source>
        <translation>须为 {low} 到 {high}，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="679" />
        <source>must be one of {allowed}, not {value}</source>
        <translation>须为以下之一：{allowed}，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="680" />
        <source>must be set</source>
        <translation>必须设置</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="681" />
        <source>must be set (the PUB_KEY_ID_… shown beside the WeChat Pay public key)</source>
        <translation>必须设置（微信支付公钥旁显示的 PUB_KEY_ID_…）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="684" />
        <source>must be set, or the key sealed: redhome-pos payments key set {slot}</source>
        <translation>必须设置，或封存密钥：redhome-pos payments key set {slot}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="687" />
        <source>must be text, not {value}</source>
        <translation>须为文本，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="688" />
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="689" />
        <source>must be true or false, not {value}</source>
        <translation>须为 true 或 false，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="690" />
        <source>must be v3 or v2, not {value}</source>
        <translation>须为 v3 或 v2，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="691" />
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="692" />
        <source>must use https (plain http only on this computer)</source>
        <translation>须使用 https（仅本机地址可用 http）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="693" />
        <source>naive datetime given to a UTC column</source>
        <translation>UTC 时间列收到了不带时区的时间</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="694" />
        <source>no SKU with this code</source>
        <translation>没有此编码的 SKU</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="695" />
        <source>no SKU {code} in the catalog</source>
        <translation>商品库中没有 SKU {code}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="696" />
        <source>not UTF-8 or GBK text</source>
        <translation>不是 UTF-8 或 GBK 文本</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="697" />
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="698" />
        <source>not a date (YYYY-MM-DD)</source>
        <translation>不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="699" />
        <source>not a percentage</source>
        <translation>不是百分数</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="700" />
        <source>not a time (HH:MM)</source>
        <translation>不是时间（HH:MM）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="701" />
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="702" />
        <source>not valid TOML ({problem})</source>
        <translation>不是有效的 TOML（{problem}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="703" />
        <source>one of {names}</source>
        <translation>须为以下之一：{names}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="704" />
        <source>rate must be positive</source>
        <translation>速率必须为正数</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="705" />
        <source>required column missing</source>
        <translation>缺少必需的列</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="706" />
        <source>starts with {start}, the home folder of a user this computer does not have</source>
        <translation>以 {start} 开头，但本机没有这个用户的主目录</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="709" />
        <source>text after the JSON object</source>
        <translation>JSON 对象之后还有文字</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="710" />
        <source>the answer declares a DOCTYPE or entities</source>
        <translation>应答声明了 DOCTYPE 或实体</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="711" />
        <source>the audit head row is missing: run `redhome-pos db upgrade`</source>
        <translation>审计日志头记录缺失：请运行 `redhome-pos db upgrade`</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="712" />
        <source>the configuration file does not exist</source>
        <translation>配置文件不存在</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="713" />
        <source>the file {path} does not exist or cannot be read</source>
        <translation>文件 {path} 不存在或无法读取</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="714" />
        <source>the key file cannot be read ({problem})</source>
        <translation>无法读取密钥文件（{problem}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="715" />
        <source>the key file is too short: restore it from a backup</source>
        <translation>密钥文件太短：请从备份恢复</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="716" />
        <source>the number of SKUs cannot be negative</source>
        <translation>SKU 数量不能为负</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="717" />
        <source>the online store needs base_url and app_id</source>
        <translation>线上店铺需要 base_url 和 app_id</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="718" />
        <source>the online store needs the store's warehouse code</source>
        <translation>线上店铺需要门店的仓库编码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="719" />
        <source>the private key file {path} can be read by other users of this computer (permissions {mode}); make it readable by its owner only: chmod 600 {path}</source>
        <translation>私钥文件 {path} 可被本机其他用户读取（权限 {mode}）；请设为仅所有者可读：chmod 600 {path}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="723" />
        <source>the same code twice in the file</source>
        <translation>文件中同一编码出现了两次</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="724" />
        <source>the store's warehouse code is required</source>
        <translation>需要门店的仓库编码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="725" />
        <source>the store's {name} key is kept in the operating system's keyring, which cannot be opened now (locked, or not there): unlock the keyring (log in to the desktop) and start again</source>
        <translation>门店的{name}密钥保存在操作系统的密钥环中，目前无法打开（已锁定或不存在）：请解锁密钥环（登录桌面）后重新启动</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="729" />
        <source>unit of work used outside its with-block</source>
        <translation>工作单元在 with 块之外被使用</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="730" />
        <source>unknown column</source>
        <translation>未知的列</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="731" />
        <source>unknown setting (known: {known})</source>
        <translation>未知的设置（可用：{known}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="732" />
        <source>unknown time zone {value}</source>
        <translation>未知的时区 {value}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="733" />
        <source>variant attributes are name=value pairs joined by ;</source>
        <translation>规格属性须写成 名称=值，多个用 ; 分隔</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="734" />
        <source>write SKU*quantity</source>
        <translation>请写成 SKU*数量</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="735" />
        <source>write yes or no</source>
        <translation>请写 yes 或 no</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="736" />
        <source>yes or no</source>
        <translation>须为 yes 或 no</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="737" />
        <source>{ai} cannot hold {value!r}</source>
        <translation>{ai} 不能包含 {value!r}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="738" />
        <source>{cells} cells but the header has {columns} columns</source>
        <translation>本行有 {cells} 个单元格，但表头只有 {columns} 列</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="739" />
        <source>{code} has no GTIN barcode (EAN-13, UPC-A, EAN-8, GTIN-14) to print on a lot label</source>
        <translation>{code} 没有可印在批号标签上的 GTIN 条码（EAN-13、UPC-A、EAN-8、GTIN-14）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="743" />
        <source>{code} is not a product in the catalog</source>
        <translation>{code} 不是商品目录中的商品</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="744" />
        <source>{count} rows of {file} have errors, nothing was imported; first: {first}</source>
        <translation>{file} 有 {count} 行错误，未导入任何内容；第一处：{first}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="747" />
        <source>{due_fen} still to pay</source>
        <translation>仍需支付 {due_fen}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="748" />
        <source>{file} clashes with the catalog in the store; nothing was imported</source>
        <translation>{file} 与门店商品库冲突；未导入任何内容</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="751" />
        <source>{file} does not exist</source>
        <translation>{file} 不存在</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="752" />
        <source>{file} exists already: choose another name</source>
        <translation>{file} 已存在：请换一个名称</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="753" />
        <source>{file} has schema {revision}, which this program does not know</source>
        <translation>{file} 的结构版本为 {revision}，本程序不认识</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="754" />
        <source>{file} is damaged: {problem}</source>
        <translation>{file} 已损坏：{problem}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="755" />
        <source>{file} is not a REDHOME database</source>
        <translation>{file} 不是 REDHOME 数据库</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="756" />
        <source>{file} is not a REDHOME database ({problem})</source>
        <translation>{file} 不是 REDHOME 数据库（{problem}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="757" />
        <source>{file} is the database itself</source>
        <translation>{file} 就是数据库本身</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="758" />
        <source>{name} ({role}) cannot approve {action}</source>
        <translation>{name}（{role}）无权授权 {action}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="759" />
        <source>{name} ({role}) may approve discounts up to {limit}%</source>
        <translation>{name}（{role}）最多可批准 {limit}% 的折扣</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="760" />
        <source>{name} ({role}) may not {action} without approval</source>
        <translation>{name}（{role}）未经授权不能执行 {action}</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="761" />
        <source>{name} has no badge to revoke</source>
        <translation>{name} 没有可作废的工牌</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="762" />
        <source>{name} is locked after too many wrong PINs; try again after {until} or ask a manager to unlock it</source>
        <translation>{name} 因 PIN 错误次数过多已被锁定；请在 {until} 后重试，或请店长解锁</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="766" />
        <source>{name}'s account is not active</source>
        <translation>{name} 的账号已停用</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="767" />
        <source>{name}: type your PIN as well</source>
        <translation>{name}：还需输入密码</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="768" />
        <source>{path} is not a file</source>
        <translation>{path} 不是文件</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="769" />
        <source>{phone} is a member already</source>
        <translation>{phone} 已是会员</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="770" />
        <source>{quantity} units at once is beyond what a store handles (at most {limit}): check the quantity</source>
        <translation>一次 {quantity} 件超出门店的合理范围（最多 {limit} 件）：请检查数量</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="774" />
        <source>{skus} SKU(s) still wait for a recount in count {count_id}</source>
        <translation>盘点单 {count_id} 中还有 {skus} 个 SKU 等待复盘</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="775" />
        <source>{title} ({sku}) is no longer sold: take it off the shelf and ask the manager</source>
        <translation>{title}（{sku}）已停售：请下架并告知店长</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="778" />
        <source>{url} is not a REDHOME database (it has tables but no schema version)</source>
        <translation>{url} 不是 REDHOME 数据库（有数据表但没有结构版本）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="781" />
        <source>{value} cannot be a warehouse code on the platform: letters, digits and _ only, at most {most} characters (for example {example})</source>
        <translation>{value} 不能作为平台上的仓库编码：只能用字母、数字和 _，最多 {most} 个字符（例如 {example}）</translation>
    </message>
    <message>
        <location filename="../error_texts.py" line="785" />
        <source>Something went wrong: {detail}</source>
        <translation>出现问题：{detail}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="23" />
        <source>WeChat Pay merchant private key</source>
        <translation>微信支付商户私钥</translation>
    </message>
    <message>
        <location filename="../errors.py" line="24" />
        <source>WeChat Pay API client key</source>
        <translation>微信支付 API 客户端私钥</translation>
    </message>
    <message>
        <location filename="../errors.py" line="25" />
        <source>WeChat Pay API v3 key</source>
        <translation>微信支付 APIv3 密钥</translation>
    </message>
    <message>
        <location filename="../errors.py" line="26" />
        <source>WeChat Pay API v2 key</source>
        <translation>微信支付 APIv2 密钥</translation>
    </message>
    <message>
        <location filename="../errors.py" line="27" />
        <source>Alipay app private key</source>
        <translation>支付宝应用私钥</translation>
    </message>
    <message>
        <location filename="../errors.py" line="63" />
        <source>Setting {key}: {problem}</source>
        <translation>设置 {key}：{problem}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="77" />
        <source>line {line}, column {column}: {problem}</source>
        <translation>第 {line} 行，{column} 列：{problem}</translation>
    </message>
    <message>
        <location filename="../errors.py" line="79" />
        <source>line {line}: {problem}</source>
        <translation>第 {line} 行：{problem}</translation>
    </message>
</context>
<context>
    <name>ExpiredDialog</name>
    <message>
        <location filename="../lot_guard.py" line="38" />
        <source>Expired goods</source>
        <translation>过期商品</translation>
    </message>
    <message>
        <location filename="../lot_guard.py" line="42" />
        <source>{title}, lot {lot}, expired on {expiry}. It must not be sold.</source>
        <translation>{title}，批号 {lot}，已于 {expiry} 过期，不能销售。</translation>
    </message>
    <message>
        <location filename="../lot_guard.py" line="43" />
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location filename="../lot_guard.py" line="50" />
        <source>Reason, if a manager allows the sale</source>
        <translation>原因（店长批准销售时必填）</translation>
    </message>
    <message>
        <location filename="../lot_guard.py" line="54" />
        <source>Take it off the sale</source>
        <translation>移出本单</translation>
    </message>
    <message>
        <location filename="../lot_guard.py" line="55" />
        <source>Manager allows the sale…</source>
        <translation>店长批准销售…</translation>
    </message>
    <message>
        <location filename="../lot_guard.py" line="75" />
        <source>Say why expired goods are sold</source>
        <translation>请说明销售过期商品的原因</translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <location filename="../dialogs/journal.py" line="41" />
        <source>Today's sales</source>
        <translation>今日流水</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="44" />
        <source>Find by time (14:30), amount (128) or product; empty: every sale today</source>
        <translation>按时间（14:30）、金额（128）或商品查找；留空显示今日全部</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="54" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="55" />
        <source>Receipt</source>
        <translation>小票号</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="56" />
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="57" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="58" />
        <source>Paid by</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="59" />
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="60" />
        <source>Products sold</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="61" />
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="68" />
        <source>Reprint receipt (Enter)</source>
        <translation>小票重打 (Enter)</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="70" />
        <source>Return goods (F8)</source>
        <translation>退货 (F8)</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="72" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="109" />
        <source> (voided)</source>
        <translation>（已作废）</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="111" />
        <source> (returns)</source>
        <translation>（有退货）</translation>
    </message>
    <message numerus="yes">
        <location filename="../dialogs/journal.py" line="128" />
        <source>%n sale(s), {amount}</source>
        <translation><numerusform>%n 笔，合计 {amount}</numerusform></translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="130" />
        <source>No sale found today</source>
        <translation>今日没有找到销售</translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="151" />
        <source>Receipt {receipt} is printing again</source>
        <translation>小票 {receipt} 正在重打</translation>
    </message>
</context>
<context>
    <name>KeysHelpDialog</name>
    <message>
        <location filename="../dialogs/keys_help.py" line="11" />
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="13" />
        <source>This help</source>
        <translation>本帮助</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="14" />
        <source>Search products</source>
        <translation>搜索商品</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="15" />
        <source>Quantity of the chosen line</source>
        <translation>所选行的数量</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="16" />
        <source>One more / one less</source>
        <translation>加一件 / 减一件</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="17" />
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="18" />
        <source>Remove the chosen line</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="19" />
        <source>Park the sale</source>
        <translation>挂单</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="20" />
        <source>Recall a parked sale</source>
        <translation>取回挂单</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="21" />
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="22" />
        <source>Return or exchange</source>
        <translation>退货或换货</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="23" />
        <source>RED note</source>
        <translation>小红书笔记</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="24" />
        <source>Open the drawer</source>
        <translation>打开钱箱</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="25" />
        <source>Change price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="26" />
        <source>Pay</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="27" />
        <source>Confirm; in payment: complete the sale</source>
        <translation>确认；收款时：完成收款</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="28" />
        <source>Back / cancel</source>
        <translation>返回 / 取消</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="29" />
        <source>Go to a screen</source>
        <translation>切换界面</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="38" />
        <source>A scan works whatever has focus; nothing needs a click first.</source>
        <translation>无论焦点在哪里都可以直接扫码，无需先点击。</translation>
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="42" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../screens/login.py" line="45" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../screens/login.py" line="57" />
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../screens/login.py" line="60" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../screens/login.py" line="76" />
        <source>Or scan your staff badge</source>
        <translation>或扫描工牌登录</translation>
    </message>
    <message>
        <location filename="../screens/login.py" line="118" />
        <source>Locked by {name}. Log in to continue.</source>
        <translation>{name} 已锁屏。请登录后继续。</translation>
    </message>
    <message>
        <location filename="../screens/login.py" line="141" />
        <source>Enter your staff number</source>
        <translation>请输入工号</translation>
    </message>
</context>
<context>
    <name>LotGuard</name>
    <message>
        <location filename="../lot_guard.py" line="117" />
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location filename="../lot_guard.py" line="122" />
        <source>{title}: lot {lot} expires on {expiry} ({days} days left)</source>
        <translation>{title}：批号 {lot} 有效期至 {expiry}（还剩 {days} 天）</translation>
    </message>
    <message>
        <location filename="../lot_guard.py" line="131" />
        <source>{title}: lot {lot}, use by {expiry}</source>
        <translation>{title}：批号 {lot}，有效期至 {expiry}</translation>
    </message>
    <message>
        <location filename="../lot_guard.py" line="146" />
        <source>Expired goods taken off the sale</source>
        <translation>已将过期商品移出本单</translation>
    </message>
    <message>
        <location filename="../lot_guard.py" line="157" />
        <source>Selling goods past their expiry date needs a manager.</source>
        <translation>销售已过有效期的商品需要店长批准。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="123" />
        <source>REDHOME POS</source>
        <translation>REDHOME 收银</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../dialogs/member.py" line="45" />
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../dialogs/member.py" line="50" />
        <source>Type the customer's mobile number, or scan their member code</source>
        <translation>输入顾客手机号，或扫描会员码</translation>
    </message>
    <message>
        <location filename="../dialogs/member.py" line="57" />
        <source>This sale is for {name} ({points} points)</source>
        <translation>本单会员：{name}（{points} 积分）</translation>
    </message>
    <message>
        <location filename="../dialogs/member.py" line="63" />
        <source>Mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../dialogs/member.py" line="76" />
        <source>Name (optional)</source>
        <translation>姓名（选填）</translation>
    </message>
    <message>
        <location filename="../dialogs/member.py" line="79" />
        <source>The customer agrees that the store keeps their mobile number for membership</source>
        <translation>顾客同意本店为会员服务保存其手机号</translation>
    </message>
    <message>
        <location filename="../dialogs/member.py" line="82" />
        <source>Enrol as member</source>
        <translation>注册会员</translation>
    </message>
    <message>
        <location filename="../dialogs/member.py" line="91" />
        <source>Find (Enter)</source>
        <translation>查找（Enter）</translation>
    </message>
    <message>
        <location filename="../dialogs/member.py" line="93" />
        <source>No member for this sale</source>
        <translation>本单不用会员</translation>
    </message>
    <message>
        <location filename="../dialogs/member.py" line="96" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../dialogs/member.py" line="141" />
        <source>This is not a member code</source>
        <translation>这不是会员码</translation>
    </message>
    <message>
        <location filename="../dialogs/member.py" line="148" />
        <source>Type the customer's mobile number</source>
        <translation>请输入顾客手机号</translation>
    </message>
    <message>
        <location filename="../dialogs/member.py" line="184" />
        <source>Ask the customer first: membership needs their consent</source>
        <translation>请先征得顾客同意：注册会员需要顾客同意</translation>
    </message>
</context>
<context>
    <name>MoreDialog</name>
    <message>
        <location filename="../counter_actions.py" line="40" />
        <source>More functions</source>
        <translation>更多功能</translation>
    </message>
    <message>
        <location filename="../counter_actions.py" line="53" />
        <source>Press the digit or touch the button; Esc goes back.</source>
        <translation>按数字键或点按钮；Esc 返回。</translation>
    </message>
</context>
<context>
    <name>NotesScreen</name>
    <message>
        <location filename="../screens/notes.py" line="50" />
        <source>Scan the QR code of the customer's RED note</source>
        <translation>请扫描顾客小红书笔记的二维码</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="55" />
        <source>Its products appear here. Enter adds the chosen one to the sale, attributed to the note.</source>
        <translation>笔记中的商品将显示在这里。按 Enter 将所选商品加入销售，并记入该笔记。</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="64" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="64" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="64" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="64" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="77" />
        <source>Add to sale (Enter)</source>
        <translation>加入销售 (Enter)</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="80" />
        <source>Add all</source>
        <translation>全部加入</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="82" />
        <source>Link products to this note</source>
        <translation>为此笔记关联商品</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="84" />
        <source>Save links</source>
        <translation>保存关联</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="144" />
        <source>Scan a RED note or a product here</source>
        <translation>请在此扫描小红书笔记或商品</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="151" />
        <source>RED note {note}</source>
        <translation>小红书笔记 {note}</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="154" />
        <source>{count} product(s) from this note. Enter adds the chosen one.</source>
        <translation>此笔记有 {count} 个商品。按 Enter 加入所选商品。</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="161" />
        <source>No products are linked to this note yet: scan the product, or link products to the note.</source>
        <translation>此笔记尚未关联商品：请直接扫描商品，或为笔记关联商品。</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="206" />
        <source>Linking: scan each product of the note, then save.</source>
        <translation>关联中：逐个扫描笔记中的商品，然后保存。</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="214" />
        <source>{title} linked</source>
        <translation>已关联 {title}</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="216" />
        <source>This product is already linked to the note</source>
        <translation>此商品已关联到该笔记</translation>
    </message>
    <message>
        <location filename="../screens/notes.py" line="232" />
        <source>Links saved: {added} added, {removed} removed.</source>
        <translation>关联已保存：新增 {added} 个，移除 {removed} 个。</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../dialogs/open_shift.py" line="24" />
        <source>Open the shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../dialogs/open_shift.py" line="26" />
        <source>No shift is open at this till. Count the cash in the drawer and enter it as the float; sales start once the shift is open.</source>
        <translation>本收银台尚未开班。请清点钱箱现金并输入为备用金，开班后即可收银。</translation>
    </message>
    <message>
        <location filename="../dialogs/open_shift.py" line="34" />
        <source>Float counted, e.g. 500</source>
        <translation>清点的备用金，如 500</translation>
    </message>
    <message>
        <location filename="../dialogs/open_shift.py" line="72" />
        <source>Open the shift first; the scanned item was not added.</source>
        <translation>请先开班，刚才扫描的商品未加入。</translation>
    </message>
</context>
<context>
    <name>ParkDialog</name>
    <message>
        <location filename="../dialogs/recall.py" line="87" />
        <source>Park the sale</source>
        <translation>挂单</translation>
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="90" />
        <source>Park this sale of {amount}. A note helps to find it again (optional):</source>
        <translation>挂起这笔 {amount} 的销售。可填写备注，方便取单（选填）：</translation>
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="98" />
        <source>e.g. customer fetching a wallet</source>
        <translation>如：顾客去取钱包</translation>
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="103" />
        <source>Park (Enter)</source>
        <translation>挂单 (Enter)</translation>
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="104" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <location filename="../dialogs/tender.py" line="81" />
        <source>This counter is not connected to WeChat Pay: use the payment terminal</source>
        <translation>本收银台未接入微信支付，请使用收款终端</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="84" />
        <source>This counter is not connected to Alipay: use the payment terminal</source>
        <translation>本收银台未接入支付宝，请使用收款终端</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../pin_pad.py" line="24" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../pin_pad.py" line="24" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>PriceCheckDialog</name>
    <message>
        <location filename="../dialogs/price_check.py" line="24" />
        <source>Price check</source>
        <translation>查价</translation>
    </message>
    <message>
        <location filename="../dialogs/price_check.py" line="26" />
        <source>Scan the product or type its code, then Enter</source>
        <translation>扫描商品或输入编码后按 Enter</translation>
    </message>
    <message>
        <location filename="../dialogs/price_check.py" line="29" />
        <source>Scan a product to see its price; the sale is not changed.</source>
        <translation>扫描商品查看价格，不会改动当前销售。</translation>
    </message>
    <message>
        <location filename="../dialogs/price_check.py" line="44" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../dialogs/price_check.py" line="82" />
        <source>Code {code}</source>
        <translation>编码 {code}</translation>
    </message>
    <message>
        <location filename="../dialogs/price_check.py" line="84" />
        <source>Was {price}</source>
        <translation>原价 {price}</translation>
    </message>
    <message>
        <location filename="../dialogs/price_check.py" line="85" />
        <source>In stock: {units}</source>
        <translation>库存：{units}</translation>
    </message>
</context>
<context>
    <name>ProductDelegate</name>
    <message>
        <location filename="../cart_table.py" line="183" />
        <source>Note {note}</source>
        <translation>笔记 {note}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../dialogs/reason.py" line="64" />
        <source>Amount in yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../dialogs/reason.py" line="89" />
        <source>OK (Enter)</source>
        <translation>确定 (Enter)</translation>
    </message>
    <message>
        <location filename="../dialogs/reason.py" line="90" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../dialogs/reason.py" line="102" />
        <source>Choose a reason</source>
        <translation>请选择原因</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../dialogs/recall.py" line="32" />
        <source>Recall a parked sale</source>
        <translation>取回挂单</translation>
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="36" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="41" />
        <source>Recall (Enter)</source>
        <translation>取单 (Enter)</translation>
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="42" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message numerus="yes">
        <location filename="../dialogs/recall.py" line="61" />
        <source>#{number}  parked at {time}  ·  %n item(s)  ·  {amount}</source>
        <translation><numerusform>#{number}  挂单于 {time}  ·  %n 件  ·  {amount}</numerusform></translation>
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="68" />
        <source>No parked sales at this till</source>
        <translation>本收银台没有挂单</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../search_overlay.py" line="79" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../search_overlay.py" line="79" />
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../search_overlay.py" line="79" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../search_overlay.py" line="79" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
</context>
<context>
    <name>ReturnsScreen</name>
    <message>
        <location filename="../screens/returns.py" line="61" />
        <source>Receipt number, or scan the code on the receipt</source>
        <translation>小票号，或扫描小票上的二维码</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="64" />
        <source>Find sale</source>
        <translation>查找销售单</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="75" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="76" />
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="77" />
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="78" />
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="79" />
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="95" />
        <source>Customer changed their mind</source>
        <translation>顾客不想要了</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="96" />
        <source>Wrong shade or size</source>
        <translation>色号或尺码不对</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="97" />
        <source>Faulty product</source>
        <translation>商品有质量问题</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="100" />
        <source>Refund in cash</source>
        <translation>以现金退款</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="101" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="111" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="114" />
        <source>Exchange for the cart</source>
        <translation>换购物车中的商品</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="166" />
        <source>Sale {receipt} · {time} · {total} · clerk {clerk}</source>
        <translation>销售单 {receipt} · {time} · {total} · 收银员 {clerk}</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="240" />
        <source>to the sale's payments</source>
        <translation>按原支付方式退回</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="253" />
        <source>Refund {amount} → {where}</source>
        <translation>退款 {amount} → {where}</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="273" />
        <source>Choose how many of which product come back</source>
        <translation>请选择退回的商品和数量</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="279" />
        <source>A refund needs a supervisor's approval.</source>
        <translation>退款需要主管授权。</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="325" />
        <source>Return {number}: refund {amount}</source>
        <translation>退货单 {number}：退款 {amount}</translation>
    </message>
</context>
<context>
    <name>RewardsDialog</name>
    <message>
        <location filename="../dialogs/rewards.py" line="37" />
        <source>Points rewards</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="51" />
        <source>Take (Enter)</source>
        <translation>兑换（Enter）</translation>
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="52" />
        <source>Take off</source>
        <translation>取消兑换</translation>
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="53" />
        <source>Done (Esc)</source>
        <translation>完成（Esc）</translation>
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="89" />
        <source>{name} · {points} points left for rewards</source>
        <translation>{name} · 可用于兑换 {points} 积分</translation>
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="98" />
        <source>worth {amount}</source>
        <translation>抵 {amount}</translation>
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="99" />
        <source>{words} · {points} points</source>
        <translation>{words} · {points} 积分</translation>
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="105" />
        <source>Taken: {reward}</source>
        <translation>已兑换：{reward}</translation>
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="114" />
        <source>The store offers no rewards for points yet</source>
        <translation>本店尚未设置积分兑换</translation>
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="128" />
        <source>Not enough points for this reward</source>
        <translation>积分不足，无法兑换</translation>
    </message>
</context>
<context>
    <name>SaleActions</name>
    <message>
        <location filename="../wiring.py" line="104" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../wiring.py" line="174" />
        <source>Selling {title} at {price} instead of {list_price} needs approval.</source>
        <translation>{title} 以 {price} 出售（原价 {list_price}）需要授权。</translation>
    </message>
    <message>
        <location filename="../wiring.py" line="214" />
        <source>A discount of {amount} is above your limit.</source>
        <translation>优惠 {amount} 超出您的权限。</translation>
    </message>
    <message>
        <location filename="../wiring.py" line="258" />
        <source>Sale parked as #{number}</source>
        <translation>已挂单 #{number}</translation>
    </message>
    <message>
        <location filename="../wiring.py" line="262" />
        <source>Finish or park the current sale before recalling one</source>
        <translation>请先完成或挂起当前销售，再取单</translation>
    </message>
    <message>
        <location filename="../wiring.py" line="307" />
        <source>Opening the drawer without a sale needs approval.</source>
        <translation>无销售开钱箱需要授权。</translation>
    </message>
    <message>
        <location filename="../wiring.py" line="349" />
        <source>Scan the new items into the cart first, then exchange</source>
        <translation>请先把新商品扫入购物车，再换货</translation>
    </message>
    <message>
        <location filename="../wiring.py" line="418" />
        <source>Scan the goods first, then the customer's payment code</source>
        <translation>请先扫商品，再扫顾客的付款码</translation>
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <location filename="../screens/sale.py" line="69" />
        <source>Scan the product barcode</source>
        <translation>请扫描商品条码</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="75" />
        <source>Scan, or type a barcode or SKU code and press Enter</source>
        <translation>扫码，或输入条码/商品编码后按 Enter</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="82" />
        <source>Amount due</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="118" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="119" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="120" />
        <source>Qty +1</source>
        <translation>数量 +1</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="121" />
        <source>Qty −1</source>
        <translation>数量 −1</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="122" />
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="123" />
        <source>Change price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="124" />
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="125" />
        <source>Park</source>
        <translation>挂单</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="126" />
        <source>Recall</source>
        <translation>取单</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="127" />
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="128" />
        <source>RED note</source>
        <translation>小红书笔记</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="129" />
        <source>Open drawer</source>
        <translation>开钱箱</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="130" />
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="131" />
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="140" />
        <source>Pay</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="200" />
        <source>This is a parcel or pickup code: use the online orders screen</source>
        <translation>这是包裹码或提货码：请在线上订单界面处理</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="242" />
        <source>No shift is open: count the float and open the shift first</source>
        <translation>尚未开班：请先清点备用金并开班</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="263" />
        <source>{title}: the system shows no stock; check the shelf</source>
        <translation>{title}：系统显示无库存，请核对货架</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="268" />
        <source>{title} added</source>
        <translation>已加入 {title}</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="280" />
        <source>Items: {count}</source>
        <translation>件数：{count}</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="282" />
        <source>Subtotal: {amount}</source>
        <translation>小计：{amount}</translation>
    </message>
    <message>
        <location filename="../screens/sale.py" line="286" />
        <source>Note: {note}</source>
        <translation>笔记：{note}</translation>
    </message>
</context>
<context>
    <name>SearchOverlay</name>
    <message>
        <location filename="../search_overlay.py" line="125" />
        <source>Name, pinyin initials, barcode or SKU code (e.g. 口红, khs, LIP-520)</source>
        <translation>名称、拼音首字母、条码或商品编码（如 口红、khs、LIP-520）</translation>
    </message>
    <message>
        <location filename="../search_overlay.py" line="131" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../search_overlay.py" line="188" />
        <source>Searching…</source>
        <translation>搜索中…</translation>
    </message>
    <message>
        <location filename="../search_overlay.py" line="203" />
        <source>{count}{more} found. ↑↓ choose, Enter adds.</source>
        <translation>找到 {count}{more} 个。↑↓ 选择，Enter 加入。</translation>
    </message>
    <message>
        <location filename="../search_overlay.py" line="208" />
        <source>Nothing found for “{query}”</source>
        <translation>没有找到“{query}”</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../screens/settings.py" line="33" />
        <source>Language of the screens</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../screens/settings.py" line="49" />
        <source>This till</source>
        <translation>本收银台</translation>
    </message>
    <message>
        <location filename="../screens/settings.py" line="51" />
        <location filename="../screens/settings.py" line="54" />
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../screens/settings.py" line="52" />
        <source>Terminal</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../screens/settings.py" line="53" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../screens/settings.py" line="54" />
        <source>Demo store</source>
        <translation>演示门店</translation>
    </message>
    <message>
        <location filename="../screens/settings.py" line="55" />
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../screens/settings.py" line="57" />
        <source>Last printout (preview printer)</source>
        <translation>最近打印（预览打印机）</translation>
    </message>
    <message>
        <location filename="../screens/settings.py" line="59" />
        <source>Nothing printed yet.</source>
        <translation>尚未打印。</translation>
    </message>
    <message>
        <location filename="../screens/settings.py" line="65" />
        <source>Show the latest</source>
        <translation>显示最新</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../shell.py" line="91" />
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../shell.py" line="93" />
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../shell.py" line="95" />
        <source>RED notes</source>
        <translation>小红书笔记</translation>
    </message>
    <message>
        <location filename="../shell.py" line="97" />
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../shell.py" line="102" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ShiftScreen</name>
    <message>
        <location filename="../screens/shift.py" line="59" />
        <source>Float in the drawer, e.g. 500</source>
        <translation>钱箱备用金，例如 500</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="60" />
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="61" />
        <source>Open a shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="67" />
        <source>Count the drawer and close</source>
        <translation>清点钱箱并交班</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="70" />
        <source>Cash counted</source>
        <translation>清点现金</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="71" />
        <source>Card slips</source>
        <translation>银行卡签购单</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="72" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="73" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="74" />
        <source>WeChat Pay on the terminal</source>
        <translation>外部收款：微信</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="75" />
        <source>Alipay on the terminal</source>
        <translation>外部收款：支付宝</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="78" />
        <source>Blind count: what the drawer should hold shows on the Z report, after.</source>
        <translation>盲点：应有金额在交班后的日结报表上显示。</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="89" />
        <source>Count notes</source>
        <translation>点钞</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="96" />
        <source>X report (shift so far)</source>
        <translation>交班报表（本班至今）</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="97" />
        <source>Close shift with Z report</source>
        <translation>交班并打印日结报表</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="98" />
        <source>Print report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="114" />
        <location filename="../screens/shift.py" line="239" />
        <source>The report preview appears here.</source>
        <translation>报表预览将显示在这里。</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="139" />
        <source>No shift is open at this till.</source>
        <translation>本收银台没有进行中的班次。</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="143" />
        <source>Shift #{number} open since {time}, float {amount}</source>
        <translation>班次 #{number} 自 {time} 开班，备用金 {amount}</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="180" />
        <source>Shift #{number} is open</source>
        <translation>班次 #{number} 已开班</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="207" />
        <source>Closing the shift needs a supervisor.</source>
        <translation>交班需要主管授权。</translation>
    </message>
    <message>
        <location filename="../screens/shift.py" line="290" />
        <source>The report is printing</source>
        <translation>报表正在打印</translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <location filename="../dialogs/tender.py" line="109" />
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="129" />
        <source>Amount due</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="135" />
        <source>Exchange: the {amount} returned counts towards this sale</source>
        <translation>换货：退回的 {amount} 抵扣本单</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="142" />
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="155" />
        <source>Cash given, e.g. 200</source>
        <translation>实收现金，例如 200</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="172" />
        <source>Exact</source>
        <translation>刚好</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="200" />
        <location filename="../dialogs/tender.py" line="315" />
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="178" />
        <location filename="../dialogs/tender.py" line="517" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="159" />
        <source>Reference on the terminal's slip</source>
        <translation>签购单上的参考号</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="180" />
        <location filename="../dialogs/tender.py" line="204" />
        <location filename="../dialogs/tender.py" line="518" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="519" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="185" />
        <source>Remove last</source>
        <translation>撤销上一笔</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="182" />
        <source>Pay with points</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="197" />
        <source>On the terminal:</source>
        <translation>外部收款：</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="203" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="212" />
        <source>Complete sale (Enter)</source>
        <translation>完成收款 (Enter)</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="215" />
        <source>Back to the cart (Esc)</source>
        <translation>返回购物车 (Esc)</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="292" />
        <source>Points pay only for a member: find the member first (F7)</source>
        <translation>只有会员可用积分抵现：请先查找会员（F7）</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="296" />
        <source>The member has no points to pay with</source>
        <translation>该会员没有可抵现的积分</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="316" />
        <source>WeChat Pay on the terminal</source>
        <translation>外部收款：微信</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="317" />
        <source>Alipay on the terminal</source>
        <translation>外部收款：支付宝</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="329" />
        <source>{method}: take {amount} on the terminal, then enter the slip's reference (or press Enter without one)</source>
        <translation>{method}：请在收款终端收取 {amount}，然后输入签购单参考号（没有可直接按回车）</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="334" />
        <source>{method}: take {amount} on the terminal, then type or scan the reference printed on its slip and press Enter</source>
        <translation>{method}：请在收款终端收取 {amount}，然后输入或扫描签购单上的参考号并按回车</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="366" />
        <source>This is the customer's payment code, not the terminal's reference: scan the reference on the terminal's slip</source>
        <translation>这是顾客的付款码，不是参考号：请扫描收款终端签购单上的参考号</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="392" />
        <source>Scan the customer's {wallet} payment code for {amount}</source>
        <translation>请扫描顾客的{wallet}付款码，金额 {amount}</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="403" />
        <location filename="../dialogs/tender.py" line="428" />
        <source>A payment is under way: wait for it, or cancel it first</source>
        <translation>正在收款：请等待结果，或先取消本次收款</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="414" />
        <source>While paying, scan only the customer's payment code</source>
        <translation>收款时只能扫描顾客的付款码</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="434" />
        <source>An exchange's difference is paid in cash, by card or on the terminal</source>
        <translation>换货差价请用现金、银行卡或收款终端支付</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="439" />
        <source>Nothing is left to pay</source>
        <translation>已无待付金额</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="501" />
        <source>Card and wallet payments cannot be more than what is left</source>
        <translation>银行卡和钱包支付不能超过剩余应付</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="516" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="523" />
        <source>transaction {reference}</source>
        <translation>交易单号 {reference}</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="525" />
        <source>ref. {reference}</source>
        <translation>参考号 {reference}</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="529" />
        <source>{points} points</source>
        <translation>{points} 积分</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="540" />
        <location filename="../dialogs/tender.py" line="580" />
        <source>Still to pay: {amount}</source>
        <translation>仍需支付：{amount}</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="542" />
        <source>Paid in full</source>
        <translation>已付清</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="603" />
        <source>Next customer (Enter)</source>
        <translation>下一位顾客 (Enter)</translation>
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="606" />
        <source>Sale {receipt} complete. The receipt is printing.</source>
        <translation>销售 {receipt} 已完成，正在打印小票。</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../main_window.py" line="62" />
        <source>Terminal {terminal}</source>
        <translation>收银台 {terminal}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="66" />
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="93" />
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="96" />
        <source>{role} {name} · {code}</source>
        <translation>{role} {name} · {code}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="104" />
        <source>No shift open</source>
        <translation>未开班</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="106" />
        <source>Shift #{number}</source>
        <translation>班次 #{number}</translation>
    </message>
</context>
<context>
    <name>WalletChargePanel</name>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="49" />
        <source>Cancel the payment (Esc)</source>
        <translation>取消收款 (Esc)</translation>
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="67" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="67" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="74" />
        <source>Charging {amount} to {wallet}…</source>
        <translation>正在通过{wallet}收款 {amount}…</translation>
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="79" />
        <source>{wallet} {amount} · the customer's code was scanned</source>
        <translation>{wallet} {amount} · 已扫顾客付款码</translation>
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="93" />
        <source>Waiting for the customer's payment password…</source>
        <translation>等待顾客输入支付密码…</translation>
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="97" />
        <source>No clear answer from {wallet} yet: finding out. Do not charge the customer again</source>
        <translation>{wallet}尚未给出明确结果，正在核实。请勿再次向顾客收款</translation>
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="106" />
        <source>Cancelling the payment with {wallet}…</source>
        <translation>正在向{wallet}撤销本次收款…</translation>
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="118" />
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
</context>
<context>
    <name>WalletRefundsPanel</name>
    <message>
        <location filename="../screens/returns.py" line="351" />
        <source>Money back through WeChat Pay / Alipay</source>
        <translation>原路退回（微信支付 / 支付宝）</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="356" />
        <source>Ask the provider again</source>
        <translation>再次查询退款结果</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="359" />
        <source>Pay in cash instead (manager)</source>
        <translation>改退现金（需店长）</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="391" />
        <source>{wallet}: {amount} refunded to the customer's original payment — done (refund no. {number})</source>
        <translation>{wallet}：{amount} 已原路退回顾客的支付账户，退款完成（退款单号 {number}）</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="396" />
        <source>{wallet}: {amount} paid to the customer in cash instead (refund no. {number})</source>
        <translation>{wallet}：{amount} 已改为现金退给顾客（退款单号 {number}）</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="400" />
        <source>{wallet} refused the refund of {amount} ({reason}): the customer has not had this money back. A manager can pay it in cash instead (refund no. {number})</source>
        <translation>{wallet}拒绝了 {amount} 的退款（{reason}）：这笔钱还没有退给顾客。店长可改为现金退款（退款单号 {number}）</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="409" />
        <source>{wallet}: {amount} is on its way back to the customer, not confirmed by the provider yet (refund no. {number}). Ask the provider again in a minute; the counter also asks by itself when it next starts</source>
        <translation>{wallet}：{amount} 正在原路退回顾客，支付机构尚未确认（退款单号 {number}）。请稍等一分钟后再次查询；收银台下次启动时也会自动查询</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="437" />
        <source>Paying a refused refund in cash instead needs a manager's approval.</source>
        <translation>被拒绝的退款改退现金，需要店长授权。</translation>
    </message>
    <message>
        <location filename="../screens/returns.py" line="450" />
        <source>The provider refused the refund</source>
        <translation>支付机构拒绝退款</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../words.py" line="13" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../words.py" line="14" />
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../words.py" line="15" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../words.py" line="16" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../words.py" line="17" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../words.py" line="18" />
        <source>WeChat Pay (terminal)</source>
        <translation>微信支付（收款终端）</translation>
    </message>
    <message>
        <location filename="../words.py" line="19" />
        <source>Alipay (terminal)</source>
        <translation>支付宝（收款终端）</translation>
    </message>
    <message>
        <location filename="../words.py" line="23" />
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../words.py" line="24" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../words.py" line="25" />
        <source>Store manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../words.py" line="29" />
        <source>selling</source>
        <translation>收银</translation>
    </message>
    <message>
        <location filename="../words.py" line="30" />
        <source>opening a shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../words.py" line="31" />
        <source>a discount above the limit</source>
        <translation>超出权限的折扣</translation>
    </message>
    <message>
        <location filename="../words.py" line="32" />
        <source>a price change</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../words.py" line="33" />
        <source>a refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../words.py" line="34" />
        <source>voiding a sale</source>
        <translation>作废销售</translation>
    </message>
    <message>
        <location filename="../words.py" line="35" />
        <source>opening the drawer</source>
        <translation>开钱箱</translation>
    </message>
    <message>
        <location filename="../words.py" line="36" />
        <source>cash in or out</source>
        <translation>现金存取</translation>
    </message>
    <message>
        <location filename="../words.py" line="37" />
        <source>closing the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../words.py" line="38" />
        <source>reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <location filename="../words.py" line="39" />
        <source>posting a stock count</source>
        <translation>盘点过账</translation>
    </message>
    <message>
        <location filename="../words.py" line="40" />
        <source>receiving stock</source>
        <translation>收货入库</translation>
    </message>
    <message>
        <location filename="../words.py" line="41" />
        <source>settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../words.py" line="42" />
        <source>managing staff</source>
        <translation>管理员工</translation>
    </message>
    <message>
        <location filename="../words.py" line="43" />
        <source>managing promotions</source>
        <translation>管理促销</translation>
    </message>
    <message>
        <location filename="../words.py" line="44" />
        <source>counting stock</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../words.py" line="45" />
        <source>adjusting stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <location filename="../words.py" line="46" />
        <source>editing the catalog</source>
        <translation>编辑商品资料</translation>
    </message>
    <message>
        <location filename="../words.py" line="47" />
        <source>selling expired goods</source>
        <translation>销售过期商品</translation>
    </message>
    <message>
        <location filename="../words.py" line="52" />
        <source>Customer cancelled</source>
        <translation>顾客取消</translation>
    </message>
    <message>
        <location filename="../words.py" line="53" />
        <source>Rung up wrongly</source>
        <translation>收银录错</translation>
    </message>
    <message>
        <location filename="../words.py" line="54" />
        <source>Paid twice</source>
        <translation>重复收款</translation>
    </message>
    <message>
        <location filename="../words.py" line="55" />
        <location filename="../words.py" line="60" />
        <location filename="../words.py" line="66" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../words.py" line="58" />
        <source>Change for the drawer</source>
        <translation>补充零钱</translation>
    </message>
    <message>
        <location filename="../words.py" line="59" />
        <source>From the safe</source>
        <translation>从保险柜取出</translation>
    </message>
    <message>
        <location filename="../words.py" line="63" />
        <source>To the safe</source>
        <translation>存入保险柜</translation>
    </message>
    <message>
        <location filename="../words.py" line="64" />
        <source>Bank deposit</source>
        <translation>存入银行</translation>
    </message>
    <message>
        <location filename="../words.py" line="65" />
        <source>Paid a supplier</source>
        <translation>支付供应商</translation>
    </message>
    <message>
        <location filename="../words.py" line="69" />
        <source>Drawer opened without a sale</source>
        <translation>无销售开钱箱</translation>
    </message>
    <message>
        <location filename="../words.py" line="70" />
        <source>Sale voided</source>
        <translation>整单作废</translation>
    </message>
</context>
</TS>