<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AmountDialog</name>
    <message>
        <location filename="../dialogs/amount.py" line="59" />
        <source>OK (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/amount.py" line="60" />
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../dialogs/approval.py" line="43" />
        <source>Approval needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/approval.py" line="54" />
        <source>A supervisor or manager enters their staff number and PIN.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/approval.py" line="58" />
        <source>Staff number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/approval.py" line="60" />
        <source>PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/approval.py" line="78" />
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../cart_table.py" line="48" />
        <source>#</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../cart_table.py" line="49" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../cart_table.py" line="50" />
        <source>Qty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../cart_table.py" line="51" />
        <source>Price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../cart_table.py" line="52" />
        <source>Savings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../cart_table.py" line="53" />
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../cart_table.py" line="126" />
        <source>Lot {lot}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CashCountDialog</name>
    <message>
        <location filename="../dialogs/cash_count.py" line="28" />
        <source>Count the cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/cash_count.py" line="32" />
        <source>Blind count: enter how many of each note and coin are in the drawer. What the drawer should hold is shown only on the Z report.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/cash_count.py" line="60" />
        <source>Use this count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/cash_count.py" line="61" />
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/cash_count.py" line="85" />
        <source>Enter whole numbers of notes and coins</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/cash_count.py" line="90" />
        <source>Counted: {amount}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CounterActions</name>
    <message>
        <location filename="../counter_actions.py" line="89" />
        <source>Today's sales / reprint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="90" />
        <source>Price check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="91" />
        <location filename="../counter_actions.py" line="149" />
        <source>Void last sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="92" />
        <location filename="../counter_actions.py" line="209" />
        <source>Cash in (float)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="93" />
        <location filename="../counter_actions.py" line="209" />
        <source>Cash out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="94" />
        <source>Shift and close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="95" />
        <source>Points rewards</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="102" />
        <source>Rewards are for members: find the member first (F7)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="137" />
        <source>This shift has no sale to void</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="140" />
        <source>Void sale {receipt} of {amount} ({time})? Its payments are given back and its goods go back to stock.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="152" />
        <source>Void the sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="166" />
        <source>Voiding sale {receipt} needs a supervisor.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="191" />
        <source>Sale {receipt} voided; give back {refunds}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="210" />
        <source>Put cash into the drawer: how much, and why?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="212" />
        <source>Take cash out of the drawer: how much, and why?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="231" />
        <source>Moving {amount} of cash needs a supervisor.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="256" />
        <source>Cash in of {amount} recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="258" />
        <source>Cash out of {amount} recorded</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CounterPromotions</name>
    <message>
        <location filename="../promotion_counter.py" line="79" />
        <source>The promotions changed while the sale was rung up: it is priced again with those in force now. New total {amount}: take the payment again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../promotion_counter.py" line="93" />
        <source>Discounts: {amount}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../promotion_counter.py" line="96" />
        <source>Promotions: {amount}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../promotion_counter.py" line="101" />
        <source>Points rewards: {amount}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../promotion_counter.py" line="108" />
        <source>Member {name} · {points} points</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <location filename="../status.py" line="76" />
        <source>● Offline mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../status.py" line="79" />
        <source>● Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../status.py" line="82" />
        <source>● Offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../status.py" line="85" />
        <source>Waiting to sync: {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../status.py" line="89" />
        <source>Printer: {count} failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../status.py" line="94" />
        <source>Printer: {count} waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../status.py" line="98" />
        <source>Printer: ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../status.py" line="103" />
        <source>Clerk: nobody logged in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../status.py" line="106" />
        <source>{role}: {name} ({code})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../status.py" line="113" />
        <source>Shift: closed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../status.py" line="115" />
        <source>Shift: #{number} open</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../customer_display.py" line="77" />
        <source>Customer display</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../customer_display.py" line="89" />
        <source>Welcome</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../customer_display.py" line="102" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../customer_display.py" line="102" />
        <source>Qty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../customer_display.py" line="102" />
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../customer_display.py" line="117" />
        <source>Total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../customer_display.py" line="132" />
        <source>Please show your payment code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../customer_display.py" line="134" />
        <source>To pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../customer_display.py" line="147" />
        <source>Your change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../customer_display.py" line="153" />
        <source>Thank you, see you again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../customer_display.py" line="163" />
        <source>Your receipt: keep it for returns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../customer_display.py" line="227" />
        <source>saved {amount}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../customer_display.py" line="240" />
        <source>%n item(s)</source>
        <translation><numerusform>%n item</numerusform><numerusform>%n items</numerusform></translation>
    </message>
    <message>
        <location filename="../customer_display.py" line="242" />
        <source>You save {amount}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../customer_display.py" line="256" />
        <source>Paid {amount}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../dialogs/discount.py" line="84" />
        <source>Whole order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="75" />
        <source>Discount or price change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="83" />
        <source>This line: {title}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="93" />
        <source>Amount off (￥)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="93" />
        <source>Discount (折)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="93" />
        <source>Change price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="120" />
        <source>OK (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="121" />
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="155" />
        <source>Type the 折: 8 = 8折 (pay 80%), 85 = 85折, 9.5 = 95折</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="156" />
        <source>Type the yuan taken off, e.g. 20</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="157" />
        <source>Type the new unit price in yuan (list price {price})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/discount.py" line="197" />
        <source>Customer pays {paid}, saves {saved}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../error_texts.py" line="8" />
        <source>',' expected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="9" />
        <source>':' expected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="10" />
        <source>A GS1 DataMatrix cannot be made of {code}: a bracket inside a field; print a GS1-128 instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="14" />
        <source>A GS1 DataMatrix cannot be made of {code}: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="15" />
        <source>A PIN is {low} to {high} digits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="16" />
        <source>A SKU code appears twice in the catalog being loaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="17" />
        <source>A SKU needs a code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="18" />
        <source>A VAT rate cannot be negative: {rate}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="19" />
        <source>A WeChat Pay or Alipay payment counts only once the provider has confirmed it: scan the customer's payment code to charge it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="23" />
        <source>A backup cannot overwrite the database itself</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="24" />
        <source>A barcode appears twice in the catalog being loaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="25" />
        <source>A barcode holds digits only: {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="26" />
        <source>A bundle holds at least two items</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="27" />
        <source>A bundle names its SKUs and how many of each</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="28" />
        <source>A cash drawer kick cannot be reprinted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="29" />
        <source>A counted quantity cannot be negative (SKU {sku_id}: {units})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="30" />
        <source>A counted quantity cannot be negative: {counted}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="31" />
        <source>A delivery adds at least one unit, not {quantity}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="32" />
        <source>A discount cannot be more than 100%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="33" />
        <source>A discount cannot be negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="34" />
        <source>A discount is either a percentage or an amount, not both</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="35" />
        <source>A discount must take something off the price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="36" />
        <source>A link to {host} is not a RED note; it was not opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="37" />
        <source>A lot number is up to 20 letters, digits or signs: {lot}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="38" />
        <source>A lot take needs a positive quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="39" />
        <source>A member can be enrolled only with the customer's consent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="40" />
        <source>A note for a parked sale is at most 100 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="41" />
        <source>A parcel cannot hold {units} of {item}: {left} still to send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="42" />
        <source>A payment must be more than zero</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="43" />
        <source>A payment on the external terminal needs the terminal's reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="46" />
        <source>A percentage cannot be negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="47" />
        <source>A price cannot be negative (SKU {sku})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="48" />
        <source>A product needs a Chinese title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="49" />
        <source>A promotion ends on or after the day it starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="50" />
        <source>A promotion needs a code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="51" />
        <source>A promotion with code {code} exists already</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="52" />
        <source>A promotion's daily hours cannot start and end together</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="53" />
        <source>A promotion's percentage runs from 0 to 100%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="54" />
        <source>A quantity is a whole number of units, not {quantity}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="55" />
        <source>A reconciliation decision needs a reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="56" />
        <source>A refund cannot be negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="57" />
        <source>A refund needs a reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="58" />
        <source>A refund of {amount} fen is more than the {left} fen left of payment {number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="61" />
        <source>A report period ends on or after its first day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="62" />
        <source>A return by the receipt number alone needs a manager's approval, not a supervisor's: scan the code on the receipt, or ask a manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="66" />
        <source>A return by the receipt number alone needs a manager: scan the code on the receipt, or ask a manager to approve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="70" />
        <source>A return needs a reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="71" />
        <source>A reward costs at least one point</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="72" />
        <source>A reward is either a gift SKU or an amount off, not both</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="73" />
        <source>A reward needs a code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="74" />
        <source>A sale total cannot be negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="75" />
        <source>A shift is already open at {terminal}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="76" />
        <source>A shipped parcel needs its express number and courier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="77" />
        <source>A staff member needs a code and a name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="78" />
        <source>A stock adjustment needs a reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="79" />
        <source>A stock movement needs an id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="80" />
        <source>A stock movement needs the terminal it was made at</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="81" />
        <source>A stock movement of {kind} must change the quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="82" />
        <source>A stock movement's time must carry its time zone (UTC is stored)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="83" />
        <source>A stock quantity is a whole number: {quantity}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="84" />
        <source>A terminal reference is 4 to 32 letters or digits, as printed on the slip</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="87" />
        <source>A variable-measure layout needs the item and the value in digits 3 to 12, apart from each other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="91" />
        <source>A {kind} cannot be resolved by {resolution}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="92" />
        <source>A {kind} must {direction} stock, not {quantity}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="93" />
        <source>A 折 is between 0.1 and 9.9 (or 11 to 99): {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="94" />
        <source>After-sale {returns} is not waiting for goods to come back to this store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="97" />
        <source>After-sale {returns} names an online SKU the store does not know ({sku})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="100" />
        <source>Alipay has no bill for {day} yet: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="101" />
        <source>Allocation weights cannot be negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="102" />
        <source>An EAN-13 body has 12 digits: {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="103" />
        <source>An approval of {action} must say what it covers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="104" />
        <source>An exchange needs something new in the cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="105" />
        <source>Another counter was saving at the same moment, so nothing was saved. Try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="108" />
        <source>At most two decimals (fen): {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="109" />
        <source>At most {limit} of one item per line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="110" />
        <source>Backups from here work for SQLite only; back up a database server with its own tools (pg_dump)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="114" />
        <source>Barcode {code} already belongs to SKU {other}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="115" />
        <source>Barcode {code} is already in the catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="116" />
        <source>Cannot copy {source} to {target}: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="117" />
        <source>Cannot make a QR code of this text: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="118" />
        <source>Cannot make a store code from {value!r}: use capital letters, digits and '-'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="121" />
        <source>Cannot open the database {url}: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="122" />
        <source>Cannot print {code!r} as a GS1 barcode: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="123" />
        <source>Cannot print {code} as a {symbology} barcode: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="124" />
        <source>Cannot read {file}: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="125" />
        <source>Cannot receive fewer than zero units of {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="126" />
        <source>Cannot receive fewer than zero units of {code} lot {lot}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="127" />
        <source>Cannot sort differences by {sort}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="128" />
        <source>Card and wallet payments cannot exceed the amount due; change comes only from cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="132" />
        <source>Check digit wrong in {code}: scan again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="133" />
        <source>Choose at least one line to return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="134" />
        <source>Copies must be between 1 and {most}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="135" />
        <source>Courier {code} is not in the online store's list: choose one from the list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="138" />
        <source>Delivery {delivery} has no lots received: nothing to label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="139" />
        <source>Delivery {receiving_id} was already posted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="140" />
        <source>Earlier payments are still being settled with the provider: try again in a moment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="144" />
        <location filename="../error_texts.py" line="786" />
        <source>Enter a whole number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="145" />
        <source>Exchange {returns} cannot be sent now: its goods must be back here first, and it is sent once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="149" />
        <source>GS1 DataMatrix needs treepoem and Ghostscript installed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="150" />
        <source>Give a reason for the cash movement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="151" />
        <source>Give both the hour a promotion starts and the hour it ends</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="152" />
        <source>Give the expiry date as year-month-day, e.g. 2027-01-31: {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="153" />
        <source>Give the number of items or the amount that earns the discount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="154" />
        <source>Give the special price or the percentage paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="155" />
        <source>Impossible VAT rate: {rate} basis points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="156" />
        <source>Impossible amount for a reward</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="157" />
        <source>Impossible price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="158" />
        <source>Impossible price for {sku}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="159" />
        <source>Impossible special price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="160" />
        <source>Label printers here print no pictures; use a receipt printer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="161" />
        <source>Line {line_id} was already decided ({resolution})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="162" />
        <source>Line {line_no} was voided, nothing to return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="163" />
        <source>Line {line} of {file} is broken: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="164" />
        <source>Log in to fulfil online orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="165" />
        <source>Lot {lot} expired on {expiry}: it cannot be sold without a manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="168" />
        <source>Lot {lot} of {code} has a sign a GS1 barcode cannot carry (letters, digits and !"%&amp;'()*+,-./:;&lt;=&gt;?_ only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="172" />
        <source>Name each SKU of a bundle once, with how many of it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="173" />
        <source>Name the {kind}s the promotion is for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="174" />
        <source>No SKU with code {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="175" />
        <source>No SKU {code} in the catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="176" />
        <source>No SKU {sku_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="177" />
        <source>No SKU {sku_id} in the catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="178" />
        <source>No SKU {sku_id} to link to the note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="179" />
        <source>No badge {badge_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="180" />
        <source>No clear answer from the provider: the payment was reversed, so the customer keeps (or gets back) the money. Scan a fresh code to try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="184" />
        <source>No code secret is set for this store: members cannot be kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="185" />
        <source>No code secret is set for this store: store codes cannot be checked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="188" />
        <source>No configuration folder to keep the sealed keys in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="189" />
        <source>No delivery {receiving_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="190" />
        <source>No line {line_no} in the cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="191" />
        <source>No line {line_no} on this sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="192" />
        <source>No member with phone {phone}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="193" />
        <source>No member {number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="194" />
        <source>No parked cart {cart_id} at this terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="195" />
        <source>No payment with order number {number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="196" />
        <source>No printer named {printer} is set up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="197" />
        <source>No product has the code {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="198" />
        <source>No product has the code {code}: check the label or search by name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="201" />
        <source>No product {product} for SKU {sku}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="202" />
        <source>No product {sku_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="203" />
        <source>No promotion with code {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="204" />
        <source>No receipt preset for {columns} columns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="205" />
        <source>No reconciliation line {line_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="206" />
        <source>No reconciliation run {run_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="207" />
        <source>No report called {name}; reports: {names}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="208" />
        <source>No reward {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="209" />
        <source>No sale with receipt number {receipt}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="210" />
        <source>No shift is open at {terminal}: open a shift first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="211" />
        <source>No staff member {staff_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="212" />
        <source>No stock count {count_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="213" />
        <source>Not a UPC-E code: {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="214" />
        <source>Not a barcode: {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="215" />
        <source>Not a code the store knows: {preview}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="216" />
        <source>Not a discount in 折: {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="217" />
        <source>Not a mobile number: {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="218" />
        <source>Not a store code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="219" />
        <source>Not an amount: {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="220" />
        <source>Not enough points: {wanted} wanted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="221" />
        <source>Not enough stock of {sku}: {on_hand} on hand, {wanted} needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="222" />
        <source>Not sent to the online store ({method}): {error_msg}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="223" />
        <source>Nothing is left to pay that the reward could take off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="224" />
        <source>Nothing of online order {order} is left to send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="225" />
        <source>Nothing to allocate the amount to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="226" />
        <source>Nothing to receive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="227" />
        <source>Nothing was read: scan again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="228" />
        <source>Online order {order} has SKUs the store does not know ({skus}): link them in the catalog first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="232" />
        <source>Online order {order} has already been delivered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="233" />
        <source>Online order {order} has no line {line}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="234" />
        <source>Online order {order} has no receiver phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="235" />
        <source>Online order {order} has not been shipped with a courier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="236" />
        <source>Online order {order} is handed over whole at the counter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="237" />
        <source>Online order {order} is not one this store fulfils</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="238" />
        <source>Online order {order} was already handed over on {when} by {name} at till {terminal}: do not hand it over again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="242" />
        <source>Online order {order} was already shipped on {when} by {name} at till {terminal}: do not hand it over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="246" />
        <source>Online order {order} was cancelled: do not hand it over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="247" />
        <source>Only a manager may see a receiver's phone in clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="248" />
        <source>Only a payment without a sale can be refunded here; a sale's payment is refunded by returning its goods</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="252" />
        <source>Only a refund the provider refused can be paid in cash instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="253" />
        <source>Only a staff member who has logged in may do this</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="254" />
        <source>Only expired units are left for {wanted} more: a manager must approve selling expired goods</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="258" />
        <source>Only {left} of {sku} can still be returned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="259" />
        <source>Parcel {number} of {count} does not exist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="260" />
        <source>Parcel {parcel} of online order {order} already has express number {number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="263" />
        <source>Payment refused ({code}): {detail}. Nothing was taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="264" />
        <source>Payment refused: the customer's balance is not enough. Nothing was taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="267" />
        <source>Payment refused: the payment code has expired or was already used. Ask the customer to refresh the code and scan again. Nothing was taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="271" />
        <source>Points pay only for a member: find the member first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="272" />
        <source>Printer {printer} cannot be reached: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="273" />
        <source>Printer {printer} has no cash drawer in its settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="274" />
        <source>Printer {printer} is a label printer and has no cash drawer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="275" />
        <source>Printer {printer} is not ready: {state}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="276" />
        <source>Printer {printer} needs a file or device path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="277" />
        <source>Printer {printer} needs a host address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="278" />
        <source>Printer {printer} needs the {package} package installed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="279" />
        <source>Printer {printer}: dot width {value} is too small for {columns} columns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="282" />
        <source>Printer {printer}: encoding must be gbk or gb18030, not {value!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="285" />
        <source>Printer {printer}: unknown printer language {value!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="286" />
        <source>Printer {printer}: unknown transport {value!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="287" />
        <source>Printer {printer}: {value} columns is not a paper width</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="288" />
        <source>Products are named by their number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="289" />
        <source>RED SKU {red_sku} already belongs to SKU {owner}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="290" />
        <source>RED SKU {red_sku} is already in the catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="291" />
        <source>RED item {item} is already in the catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="292" />
        <source>RED item {red_item} belongs to another product than SKU {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="293" />
        <source>Receipt settings (store header, code secret) are missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="294" />
        <source>Restores from here work for SQLite only; restore a database server with its own tools (pg_restore)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="298" />
        <source>Return at least one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="299" />
        <source>Reward {code} is already in this sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="300" />
        <source>Reward {code} is no longer offered as chosen: take it off and choose it again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="303" />
        <source>Reward {code} takes nothing off this sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="304" />
        <source>Rewards are for members: find the member first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="305" />
        <source>SKU code {code} is already on line {line}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="306" />
        <source>SKU code {sku} is already in the catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="307" />
        <source>SKU {code} is already on line {line}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="308" />
        <source>Sale {receipt} has returns; it cannot be voided</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="309" />
        <source>Sale {receipt} is already voided</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="310" />
        <source>Sale {receipt} was voided; nothing to return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="311" />
        <source>Say how many are bought and how many are free</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="312" />
        <source>Say why expired goods are sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="313" />
        <source>Scan a RED note first, then its products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="314" />
        <source>Scan the gift first: it is not in the sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="315" />
        <source>Set the online store's address, app id and secret in the configuration first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="318" />
        <source>Staff code {code} is taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="319" />
        <source>Stock count {count_id} is {state}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="320" />
        <source>That badge belongs to someone else</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="321" />
        <source>The Alipay bill address {url} is not https</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="322" />
        <source>The Alipay bill archive holds no detail file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="323" />
        <source>The Alipay bill archive is damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="324" />
        <source>The Alipay bill for {day} could not be had: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="325" />
        <source>The Alipay bill has no column {column}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="326" />
        <source>The Alipay bill is larger than {cap} bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="327" />
        <source>The Alipay bill's row {row} has an unreadable time or amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="328" />
        <source>The Chinese font {path} is missing; install fonts-wqy-microhei or set the font path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="332" />
        <source>The GS1 DataMatrix needs {needed} dots but the paper has {width}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="333" />
        <source>The GS1-128 barcode needs {needed} dots but the paper has {width}: use a wider label or a shorter lot number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="337" />
        <source>The QR code holds too much for a label of this size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="338" />
        <source>The QR code holds too much to print {width} dots wide</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="339" />
        <source>The WeChat Pay bill address {url} is not WeChat Pay's</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="340" />
        <source>The WeChat Pay bill file is damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="341" />
        <source>The WeChat Pay bill for {day} could not be had: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="342" />
        <source>The WeChat Pay bill for {day} does not match its checksum</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="343" />
        <source>The WeChat Pay bill has no column {column}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="344" />
        <source>The WeChat Pay bill is larger than {cap} bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="345" />
        <source>The WeChat Pay bill's line {line} has an unreadable refund amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="348" />
        <source>The WeChat Pay bill's line {line} has an unreadable time or amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="351" />
        <source>The WeChat Pay bill's line {line} has too few fields</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="352" />
        <source>The WeChat Pay platform public key id is not set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="353" />
        <source>The amount cannot be negative: {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="354" />
        <source>The amount is too large: {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="355" />
        <source>The amount must be more than zero</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="356" />
        <source>The approval does not cover a refund of {amount} on {receipt}: ask again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="359" />
        <source>The approval does not cover selling {sku} × {quantity} past its date: ask again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="362" />
        <source>The approval does not cover the discount on the sale: ask again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="363" />
        <source>The approval does not cover the discount on {sku} × {quantity}: ask again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="366" />
        <source>The approval does not cover the price of {sku} × {quantity}: ask again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="369" />
        <source>The barcode is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="370" />
        <source>The buyer asked to cancel online order {order}: stop picking, do not hand it over or ship it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="374" />
        <source>The cart is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="375" />
        <source>The customer did not complete the payment. Nothing was taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="376" />
        <source>The customer did not enter the password in time: the payment was cancelled and nothing was taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="380" />
        <source>The customer paid {amount} fen ({number}) but the sale could not be written: {detail}. A manager finds the payment under payments paid without a sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="384" />
        <source>The database has schema {revision}, which is newer than this program knows: update REDHOME POS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="388" />
        <source>The database {url} failed: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="389" />
        <source>The database {url} is damaged or is not a REDHOME database ({problem}): restore it from a backup (redhome-pos db restore FILE)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="393" />
        <source>The delivery note is neither UTF-8 nor GB18030 text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="394" />
        <source>The delivery note needs a code column and a quantity column (found: {columns})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="397" />
        <source>The discount is more than the amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="398" />
        <source>The discounted item is the second or a later one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="399" />
        <source>The disk of the store database is full, so nothing was saved. Free some space (or call the manager), then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="403" />
        <source>The file is neither UTF-8 nor GBK (line {line}); save it as CSV UTF-8 and try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="407" />
        <source>The file {file} is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="408" />
        <source>The file {file} is not a CSV file: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="409" />
        <source>The file {file} is too large to import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="410" />
        <source>The file's encoding is not recognised (it looks like {encoding}): save it as CSV UTF-8 and try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="414" />
        <source>The float cannot be negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="415" />
        <source>The header of {file} is wrong: {first}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="416" />
        <source>The items scanned are not what after-sale {returns} returns: {missing} missing, {extra} not in it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="420" />
        <source>The label is too small for its QR code and text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="421" />
        <source>The label needs {needed} dots but printer {printer} has {height}; shorten the text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="425" />
        <source>The online store answered HTTP {status} to {method}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="426" />
        <source>The online store call {method} failed: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="427" />
        <source>The online store call {method} was redirected (HTTP {status}): redirects are not followed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="431" />
        <source>The online store could not be reached: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="432" />
        <source>The online store did not answer {method} ({detail}). Will try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="435" />
        <source>The online store is limiting requests ({method}). Will try again later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="438" />
        <source>The online store lists more than it lets us read in one window ({method})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="441" />
        <source>The online store refused the connection ({detail}). Connect the store again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="444" />
        <source>The online store refused {method}: {error_msg} (code {error_code})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="447" />
        <source>The online store sent an answer that cannot be read ({method}): {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="450" />
        <source>The online store sent {what} that cannot be applied ({detail}). Nothing changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="453" />
        <source>The online store would not reveal the receiver ({error_msg}, code {error_code})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="456" />
        <source>The online store's answer to {method} is larger than {size} MB: it was not read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="459" />
        <source>The online store's certificate could not be verified ({method}). Check the computer's date and the network.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="463" />
        <source>The opening stock has already been taken; count stock instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="464" />
        <source>The payment was cancelled: nothing was taken from the customer, or it was paid back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="468" />
        <source>The payment {number} has no clear result yet. It is being settled with the provider: do not charge the customer again until it is (payments status)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="472" />
        <source>The payment {number} is not a payment without a sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="473" />
        <source>The payment {number} was taken and could not be reversed: a manager must refund it (payments paid without a sale)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="477" />
        <source>The picture {name} cannot be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="478" />
        <source>The platform refused: {error_msg}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="479" />
        <source>The printer cannot print the character {character!r} (U+{codepoint:04X}) in {encoding}; change the text or the printer encoding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="483" />
        <source>The promotions changed since this sale was priced: it is priced again with the promotions in force now; take the payment again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="487" />
        <source>The quantity must be at least 1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="488" />
        <source>The refund is more than what is left of the sale's {kind} payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="491" />
        <source>The refund is more than what was paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="492" />
        <source>The short link could not be opened ({detail}): scan the product itself</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="495" />
        <source>The stock of {sku} changed meanwhile: try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="496" />
        <source>The store already has a catalog; demo data goes into an empty database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="499" />
        <source>The store already has a manager: a manager logs in to add staff</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="500" />
        <source>The store code would be {length} characters, more than {limit}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="501" />
        <source>The store code {store!r} must be capital letters, digits and '-', at most 16</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="504" />
        <source>The store database is read-only, so nothing was saved. Call the manager to make it writable, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="508" />
        <source>The store has no code secret: badges cannot be made</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="509" />
        <source>The stored {what} ({path}) cannot be read: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="510" />
        <source>The stored {what} cannot be decrypted with this computer's secrets key (the keyring entry or keys/secrets.key beside the configuration was lost, replaced or restored from elsewhere). Restore that key from the backup, or store the payment key again: redhome-pos payments key set {slot}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="514" />
        <source>The stored {what} is not an RSA private key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="515" />
        <source>The system print command lp is not installed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="516" />
        <source>The text has a control character (U+{codepoint:04X}) that cannot be saved: remove it and try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="520" />
        <source>The {provider} bill download for {day} answered HTTP {status}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="521" />
        <source>The {provider} bill for {day} could not be downloaded: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="522" />
        <source>The {what} address {url} is not a web address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="523" />
        <source>The {what} address {url} must use https</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="524" />
        <source>The {what} could not be sealed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="525" />
        <source>The {what} file {path} can be read by other users of this computer (permissions {mode}). Make it readable by its owner only: chmod 600 {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="529" />
        <source>The {what} file {path} cannot be read: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="530" />
        <source>The {what} file {path} does not exist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="531" />
        <source>The {what} file {path} does not hold an RSA private key (PEM or base64)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="534" />
        <source>The {what} file {path} does not hold an RSA public key or certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="537" />
        <source>The {what} is 32 characters (letters, digits, signs), as set on the merchant platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="541" />
        <source>The {what} is not stored: a manager stores it with redhome-pos payments key set {slot} --from-file FILE --staff CODE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="545" />
        <source>The {what} of a promotion must be more than zero</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="546" />
        <source>The {what} {path} is not a file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="547" />
        <source>There is no delivery {delivery}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="548" />
        <source>There is no online after-sale {returns}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="549" />
        <source>There is no payment key called {name}: use one of {names}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="550" />
        <source>There is no print job {job}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="551" />
        <source>There is no sale with receipt number {receipt}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="552" />
        <source>There is no sale {sale}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="553" />
        <source>This GS1 code cannot be read: scan again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="554" />
        <source>This GS1 code names no product: scan the item's own barcode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="555" />
        <source>This RED link is not a note: show the note itself</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="556" />
        <source>This badge belongs to nobody on the staff list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="557" />
        <source>This badge is from before badges could be revoked: ask a manager for a new one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="560" />
        <source>This badge was revoked: ask a manager for a new one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="561" />
        <source>This code belongs to store {store}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="562" />
        <source>This code is not a member code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="563" />
        <source>This code is not a receipt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="564" />
        <source>This counter is not connected to Alipay: use the payment terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="567" />
        <source>This counter is not connected to WeChat Pay: use the payment terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="570" />
        <source>This is a RED profile link, not a note: show the note itself</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="571" />
        <source>This is not a pickup code: scan the code on the customer's phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="572" />
        <source>This is not a product's code: scan the item or carton</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="573" />
        <source>This is not a staff badge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="574" />
        <source>This is too long to be a code the store knows ({length} characters)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="577" />
        <source>This link cannot be read; it was not opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="578" />
        <source>This looks like web page text, not a code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="579" />
        <source>This parcel finishes no product of online order {order}: the online store records a split shipment by whole products, so put the last units of at least one product in it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="583" />
        <source>This pickup code is for order {other}, not {order}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="584" />
        <source>This sale was paid by WeChat Pay or Alipay and its refund goes back the same way, but this counter is not connected to the provider. A manager may approve a cash refund instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="588" />
        <source>This sale was paid by WeChat Pay or Alipay and its refund goes back the same way: pay only what is left to pay for the new goods</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="592" />
        <source>This sale was paid by WeChat Pay or Alipay: a refund in cash instead needs a manager's approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="596" />
        <source>This scan is not a product: scan the item's barcode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="597" />
        <source>This shift has no sale to void</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="598" />
        <source>This short link cannot be opened now: scan the product itself</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="599" />
        <source>This short link cannot be opened now: show the note itself</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="600" />
        <source>This store accepts only the badges its back office issues: log in with your PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="603" />
        <source>This store code has characters no store code has (only letters, digits, '-' and '.'): it was refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="607" />
        <source>This store code is forged or damaged: it was refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="608" />
        <source>This store code was made by a newer program ({version}): update this till</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="611" />
        <source>This store records the card slip's reference number: enter it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="612" />
        <source>This xhslink.com link has no note code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="613" />
        <source>Type the correct express number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="614" />
        <source>Unknown kind of stock movement: {kind}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="615" />
        <source>Unknown staff code or wrong PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="616" />
        <source>Unknown tender: {kinds}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="617" />
        <source>Unknown variable-measure layout {name!r}: use 'price' or 'weight'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="620" />
        <source>WeChat Pay APIv2 needs the API client certificate and key files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="621" />
        <source>WeChat Pay gave no bill address for {day}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="622" />
        <source>WeChat Pay has no bill for {day} yet: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="623" />
        <source>Weekdays run from 1 (Monday) to 7 (Sunday)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="624" />
        <source>What was given for the {what} is not an RSA private key (PEM or base64)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="627" />
        <source>You cannot lower or deactivate your own account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="628" />
        <source>a Chinese title is required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="629" />
        <source>a SKU code has at most 64 characters and no spaces</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="630" />
        <source>a SKU code is required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="631" />
        <source>a VAT rate in percent between 0 and 100</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="632" />
        <source>a VAT rate in percent, such as 13</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="633" />
        <source>a column appears twice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="634" />
        <source>a counted quantity of 0 or more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="635" />
        <source>a member name is not a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="636" />
        <source>a network printer needs its host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="637" />
        <source>a price is required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="638" />
        <source>a rule needs a code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="639" />
        <source>at most two decimals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="640" />
        <source>at most {limit} characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="641" />
        <source>barcode {barcode} already belongs to SKU {owner}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="642" />
        <source>barcode {barcode} is already on line {line}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="643" />
        <source>broken CSV: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="644" />
        <source>burst interval and length must be positive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="645" />
        <source>cannot read the configuration file ({problem})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="646" />
        <source>column {name} has a control character (U+{code})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="647" />
        <source>days are 1 (Monday) to 7</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="648" />
        <source>encoding {encoding}, not UTF-8 or GBK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="649" />
        <source>member prices are set per SKU, not as a rule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="650" />
        <source>migrations run through redhome_pos.persistence.migrate only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="651" />
        <source>must be 1 to 16 capital letters, digits or '-' (it is in the store's signed codes), not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="655" />
        <source>must be 1 to 16 letters, digits or '-' (it is in receipt numbers)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="658" />
        <source>must be 32 characters long</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="659" />
        <source>must be HMAC-SHA256 or MD5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="660" />
        <source>must be a number, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="661" />
        <source>must be a printer device or a file of the store's, not a system file ({path})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="664" />
        <source>must be a single value, not a table</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="665" />
        <source>must be a table</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="666" />
        <source>must be a table [payments.{name}]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="667" />
        <source>must be a table [payments]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="668" />
        <source>must be a table [{name}]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="669" />
        <source>must be a table such as [printers.receipt]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="670" />
        <source>must be a web address, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="671" />
        <source>must be a whole number, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="672" />
        <source>must be at least {least} random characters (it signs receipts and badges); make one with: {command}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="676" />
        <source>must be at least {low}, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="677" />
        <source>must be from {low} to {high} seconds, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="678" />
        <source>must be from {low} to {high}, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="679" />
        <source>must be one of {allowed}, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="680" />
        <source>must be set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="681" />
        <source>must be set (the PUB_KEY_ID_… shown beside the WeChat Pay public key)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="684" />
        <source>must be set, or the key sealed: redhome-pos payments key set {slot}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="687" />
        <source>must be text, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="688" />
        <source>must be true or false</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="689" />
        <source>must be true or false, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="690" />
        <source>must be v3 or v2, not {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="691" />
        <source>must not be empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="692" />
        <source>must use https (plain http only on this computer)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="693" />
        <source>naive datetime given to a UTC column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="694" />
        <source>no SKU with this code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="695" />
        <source>no SKU {code} in the catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="696" />
        <source>not UTF-8 or GBK text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="697" />
        <source>not a JSON object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="698" />
        <source>not a date (YYYY-MM-DD)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="699" />
        <source>not a percentage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="700" />
        <source>not a time (HH:MM)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="701" />
        <source>not a whole number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="702" />
        <source>not valid TOML ({problem})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="703" />
        <source>one of {names}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="704" />
        <source>rate must be positive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="705" />
        <source>required column missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="706" />
        <source>starts with {start}, the home folder of a user this computer does not have</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="709" />
        <source>text after the JSON object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="710" />
        <source>the answer declares a DOCTYPE or entities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="711" />
        <source>the audit head row is missing: run `redhome-pos db upgrade`</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="712" />
        <source>the configuration file does not exist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="713" />
        <source>the file {path} does not exist or cannot be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="714" />
        <source>the key file cannot be read ({problem})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="715" />
        <source>the key file is too short: restore it from a backup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="716" />
        <source>the number of SKUs cannot be negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="717" />
        <source>the online store needs base_url and app_id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="718" />
        <source>the online store needs the store's warehouse code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="719" />
        <source>the private key file {path} can be read by other users of this computer (permissions {mode}); make it readable by its owner only: chmod 600 {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="723" />
        <source>the same code twice in the file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="724" />
        <source>the store's warehouse code is required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="725" />
        <source>the store's {name} key is kept in the operating system's keyring, which cannot be opened now (locked, or not there): unlock the keyring (log in to the desktop) and start again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="729" />
        <source>unit of work used outside its with-block</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="730" />
        <source>unknown column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="731" />
        <source>unknown setting (known: {known})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="732" />
        <source>unknown time zone {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="733" />
        <source>variant attributes are name=value pairs joined by ;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="734" />
        <source>write SKU*quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="735" />
        <source>write yes or no</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="736" />
        <source>yes or no</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="737" />
        <source>{ai} cannot hold {value!r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="738" />
        <source>{cells} cells but the header has {columns} columns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="739" />
        <source>{code} has no GTIN barcode (EAN-13, UPC-A, EAN-8, GTIN-14) to print on a lot label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="743" />
        <source>{code} is not a product in the catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="744" />
        <source>{count} rows of {file} have errors, nothing was imported; first: {first}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="747" />
        <source>{due_fen} still to pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="748" />
        <source>{file} clashes with the catalog in the store; nothing was imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="751" />
        <source>{file} does not exist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="752" />
        <source>{file} exists already: choose another name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="753" />
        <source>{file} has schema {revision}, which this program does not know</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="754" />
        <source>{file} is damaged: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="755" />
        <source>{file} is not a REDHOME database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="756" />
        <source>{file} is not a REDHOME database ({problem})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="757" />
        <source>{file} is the database itself</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="758" />
        <source>{name} ({role}) cannot approve {action}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="759" />
        <source>{name} ({role}) may approve discounts up to {limit}%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="760" />
        <source>{name} ({role}) may not {action} without approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="761" />
        <source>{name} has no badge to revoke</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="762" />
        <source>{name} is locked after too many wrong PINs; try again after {until} or ask a manager to unlock it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="766" />
        <source>{name}'s account is not active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="767" />
        <source>{name}: type your PIN as well</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="768" />
        <source>{path} is not a file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="769" />
        <source>{phone} is a member already</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="770" />
        <source>{quantity} units at once is beyond what a store handles (at most {limit}): check the quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="774" />
        <source>{skus} SKU(s) still wait for a recount in count {count_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="775" />
        <source>{title} ({sku}) is no longer sold: take it off the shelf and ask the manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="778" />
        <source>{url} is not a REDHOME database (it has tables but no schema version)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="781" />
        <source>{value} cannot be a warehouse code on the platform: letters, digits and _ only, at most {most} characters (for example {example})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../error_texts.py" line="785" />
        <source>Something went wrong: {detail}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="23" />
        <source>WeChat Pay merchant private key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="24" />
        <source>WeChat Pay API client key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="25" />
        <source>WeChat Pay API v3 key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="26" />
        <source>WeChat Pay API v2 key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="27" />
        <source>Alipay app private key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="63" />
        <source>Setting {key}: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="77" />
        <source>line {line}, column {column}: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="79" />
        <source>line {line}: {problem}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ExpiredDialog</name>
    <message>
        <location filename="../lot_guard.py" line="38" />
        <source>Expired goods</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../lot_guard.py" line="42" />
        <source>{title}, lot {lot}, expired on {expiry}. It must not be sold.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../lot_guard.py" line="43" />
        <source>(unknown)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../lot_guard.py" line="50" />
        <source>Reason, if a manager allows the sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../lot_guard.py" line="54" />
        <source>Take it off the sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../lot_guard.py" line="55" />
        <source>Manager allows the sale…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../lot_guard.py" line="75" />
        <source>Say why expired goods are sold</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <location filename="../dialogs/journal.py" line="41" />
        <source>Today's sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="44" />
        <source>Find by time (14:30), amount (128) or product; empty: every sale today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="54" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="55" />
        <source>Receipt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="56" />
        <source>Items</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="57" />
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="58" />
        <source>Paid by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="59" />
        <source>Customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="60" />
        <source>Products sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="61" />
        <source>Cashier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="68" />
        <source>Reprint receipt (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="70" />
        <source>Return goods (F8)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="72" />
        <source>Close (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="109" />
        <source> (voided)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="111" />
        <source> (returns)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../dialogs/journal.py" line="128" />
        <source>%n sale(s), {amount}</source>
        <translation><numerusform>%n sale, {amount}</numerusform><numerusform>%n sales, {amount}</numerusform></translation>
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="130" />
        <source>No sale found today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/journal.py" line="151" />
        <source>Receipt {receipt} is printing again</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>KeysHelpDialog</name>
    <message>
        <location filename="../dialogs/keys_help.py" line="11" />
        <source>Keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="13" />
        <source>This help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="14" />
        <source>Search products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="15" />
        <source>Quantity of the chosen line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="16" />
        <source>One more / one less</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="17" />
        <source>Discount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="18" />
        <source>Remove the chosen line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="19" />
        <source>Park the sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="20" />
        <source>Recall a parked sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="21" />
        <source>Member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="22" />
        <source>Return or exchange</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="23" />
        <source>RED note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="24" />
        <source>Open the drawer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="25" />
        <source>Change price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="26" />
        <source>Pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="27" />
        <source>Confirm; in payment: complete the sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="28" />
        <source>Back / cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="29" />
        <source>Go to a screen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="38" />
        <source>A scan works whatever has focus; nothing needs a click first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/keys_help.py" line="42" />
        <source>Close (Esc)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../screens/login.py" line="45" />
        <source>Log in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/login.py" line="57" />
        <source>Staff number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/login.py" line="60" />
        <source>PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/login.py" line="76" />
        <source>Or scan your staff badge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/login.py" line="118" />
        <source>Locked by {name}. Log in to continue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/login.py" line="141" />
        <source>Enter your staff number</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LotGuard</name>
    <message>
        <location filename="../lot_guard.py" line="117" />
        <source>(unknown)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../lot_guard.py" line="122" />
        <source>{title}: lot {lot} expires on {expiry} ({days} days left)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../lot_guard.py" line="131" />
        <source>{title}: lot {lot}, use by {expiry}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../lot_guard.py" line="146" />
        <source>Expired goods taken off the sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../lot_guard.py" line="157" />
        <source>Selling goods past their expiry date needs a manager.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="123" />
        <source>REDHOME POS</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../dialogs/member.py" line="45" />
        <source>Member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/member.py" line="50" />
        <source>Type the customer's mobile number, or scan their member code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/member.py" line="57" />
        <source>This sale is for {name} ({points} points)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/member.py" line="63" />
        <source>Mobile number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/member.py" line="76" />
        <source>Name (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/member.py" line="79" />
        <source>The customer agrees that the store keeps their mobile number for membership</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/member.py" line="82" />
        <source>Enrol as member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/member.py" line="91" />
        <source>Find (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/member.py" line="93" />
        <source>No member for this sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/member.py" line="96" />
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/member.py" line="141" />
        <source>This is not a member code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/member.py" line="148" />
        <source>Type the customer's mobile number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/member.py" line="184" />
        <source>Ask the customer first: membership needs their consent</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MoreDialog</name>
    <message>
        <location filename="../counter_actions.py" line="40" />
        <source>More functions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../counter_actions.py" line="53" />
        <source>Press the digit or touch the button; Esc goes back.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NotesScreen</name>
    <message>
        <location filename="../screens/notes.py" line="50" />
        <source>Scan the QR code of the customer's RED note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="55" />
        <source>Its products appear here. Enter adds the chosen one to the sale, attributed to the note.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="64" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="64" />
        <source>Price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="64" />
        <source>Stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="64" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="77" />
        <source>Add to sale (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="80" />
        <source>Add all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="82" />
        <source>Link products to this note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="84" />
        <source>Save links</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="144" />
        <source>Scan a RED note or a product here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="151" />
        <source>RED note {note}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="154" />
        <source>{count} product(s) from this note. Enter adds the chosen one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="161" />
        <source>No products are linked to this note yet: scan the product, or link products to the note.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="206" />
        <source>Linking: scan each product of the note, then save.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="214" />
        <source>{title} linked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="216" />
        <source>This product is already linked to the note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/notes.py" line="232" />
        <source>Links saved: {added} added, {removed} removed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../dialogs/open_shift.py" line="24" />
        <source>Open the shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/open_shift.py" line="26" />
        <source>No shift is open at this till. Count the cash in the drawer and enter it as the float; sales start once the shift is open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/open_shift.py" line="34" />
        <source>Float counted, e.g. 500</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/open_shift.py" line="72" />
        <source>Open the shift first; the scanned item was not added.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ParkDialog</name>
    <message>
        <location filename="../dialogs/recall.py" line="87" />
        <source>Park the sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="90" />
        <source>Park this sale of {amount}. A note helps to find it again (optional):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="98" />
        <source>e.g. customer fetching a wallet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="103" />
        <source>Park (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="104" />
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <location filename="../dialogs/tender.py" line="81" />
        <source>This counter is not connected to WeChat Pay: use the payment terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="84" />
        <source>This counter is not connected to Alipay: use the payment terminal</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../pin_pad.py" line="24" />
        <source>Clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../pin_pad.py" line="24" />
        <source>OK</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PriceCheckDialog</name>
    <message>
        <location filename="../dialogs/price_check.py" line="24" />
        <source>Price check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/price_check.py" line="26" />
        <source>Scan the product or type its code, then Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/price_check.py" line="29" />
        <source>Scan a product to see its price; the sale is not changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/price_check.py" line="44" />
        <source>Close (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/price_check.py" line="82" />
        <source>Code {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/price_check.py" line="84" />
        <source>Was {price}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/price_check.py" line="85" />
        <source>In stock: {units}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProductDelegate</name>
    <message>
        <location filename="../cart_table.py" line="183" />
        <source>Note {note}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../dialogs/reason.py" line="64" />
        <source>Amount in yuan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/reason.py" line="89" />
        <source>OK (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/reason.py" line="90" />
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/reason.py" line="102" />
        <source>Choose a reason</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../dialogs/recall.py" line="32" />
        <source>Recall a parked sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="36" />
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="41" />
        <source>Recall (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="42" />
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../dialogs/recall.py" line="61" />
        <source>#{number}  parked at {time}  ·  %n item(s)  ·  {amount}</source>
        <translation><numerusform>#{number}  parked at {time}  ·  %n item  ·  {amount}</numerusform><numerusform>#{number}  parked at {time}  ·  %n items  ·  {amount}</numerusform></translation>
    </message>
    <message>
        <location filename="../dialogs/recall.py" line="68" />
        <source>No parked sales at this till</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../search_overlay.py" line="79" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../search_overlay.py" line="79" />
        <source>Price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../search_overlay.py" line="79" />
        <source>Stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../search_overlay.py" line="79" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReturnsScreen</name>
    <message>
        <location filename="../screens/returns.py" line="61" />
        <source>Receipt number, or scan the code on the receipt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="64" />
        <source>Find sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="75" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="76" />
        <source>Sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="77" />
        <source>Paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="78" />
        <source>Return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="79" />
        <source>Damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="95" />
        <source>Customer changed their mind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="96" />
        <source>Wrong shade or size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="97" />
        <source>Faulty product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="100" />
        <source>Refund in cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="101" />
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="111" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="114" />
        <source>Exchange for the cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="166" />
        <source>Sale {receipt} · {time} · {total} · clerk {clerk}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="240" />
        <source>to the sale's payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="253" />
        <source>Refund {amount} → {where}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="273" />
        <source>Choose how many of which product come back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="279" />
        <source>A refund needs a supervisor's approval.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="325" />
        <source>Return {number}: refund {amount}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RewardsDialog</name>
    <message>
        <location filename="../dialogs/rewards.py" line="37" />
        <source>Points rewards</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="51" />
        <source>Take (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="52" />
        <source>Take off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="53" />
        <source>Done (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="89" />
        <source>{name} · {points} points left for rewards</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="98" />
        <source>worth {amount}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="99" />
        <source>{words} · {points} points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="105" />
        <source>Taken: {reward}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="114" />
        <source>The store offers no rewards for points yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/rewards.py" line="128" />
        <source>Not enough points for this reward</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SaleActions</name>
    <message>
        <location filename="../wiring.py" line="104" />
        <source>Quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../wiring.py" line="174" />
        <source>Selling {title} at {price} instead of {list_price} needs approval.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../wiring.py" line="214" />
        <source>A discount of {amount} is above your limit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../wiring.py" line="258" />
        <source>Sale parked as #{number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../wiring.py" line="262" />
        <source>Finish or park the current sale before recalling one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../wiring.py" line="307" />
        <source>Opening the drawer without a sale needs approval.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../wiring.py" line="349" />
        <source>Scan the new items into the cart first, then exchange</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../wiring.py" line="418" />
        <source>Scan the goods first, then the customer's payment code</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <location filename="../screens/sale.py" line="69" />
        <source>Scan the product barcode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="75" />
        <source>Scan, or type a barcode or SKU code and press Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="82" />
        <source>Amount due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="118" />
        <source>Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="119" />
        <source>Quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="120" />
        <source>Qty +1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="121" />
        <source>Qty −1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="122" />
        <source>Discount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="123" />
        <source>Change price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="124" />
        <source>Remove line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="125" />
        <source>Park</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="126" />
        <source>Recall</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="127" />
        <source>Return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="128" />
        <source>RED note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="129" />
        <source>Open drawer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="130" />
        <source>Member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="131" />
        <source>More</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="140" />
        <source>Pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="200" />
        <source>This is a parcel or pickup code: use the online orders screen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="242" />
        <source>No shift is open: count the float and open the shift first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="263" />
        <source>{title}: the system shows no stock; check the shelf</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="268" />
        <source>{title} added</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="280" />
        <source>Items: {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="282" />
        <source>Subtotal: {amount}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/sale.py" line="286" />
        <source>Note: {note}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SearchOverlay</name>
    <message>
        <location filename="../search_overlay.py" line="125" />
        <source>Name, pinyin initials, barcode or SKU code (e.g. 口红, khs, LIP-520)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../search_overlay.py" line="131" />
        <source>Close (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../search_overlay.py" line="188" />
        <source>Searching…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../search_overlay.py" line="203" />
        <source>{count}{more} found. ↑↓ choose, Enter adds.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../search_overlay.py" line="208" />
        <source>Nothing found for “{query}”</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../screens/settings.py" line="33" />
        <source>Language of the screens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/settings.py" line="49" />
        <source>This till</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/settings.py" line="51" />
        <location filename="../screens/settings.py" line="54" />
        <source>Store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/settings.py" line="52" />
        <source>Terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/settings.py" line="53" />
        <source>Time zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/settings.py" line="54" />
        <source>Demo store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/settings.py" line="55" />
        <source>Mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/settings.py" line="57" />
        <source>Last printout (preview printer)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/settings.py" line="59" />
        <source>Nothing printed yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/settings.py" line="65" />
        <source>Show the latest</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../shell.py" line="91" />
        <source>Sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../shell.py" line="93" />
        <source>Returns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../shell.py" line="95" />
        <source>RED notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../shell.py" line="97" />
        <source>Shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../shell.py" line="102" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShiftScreen</name>
    <message>
        <location filename="../screens/shift.py" line="59" />
        <source>Float in the drawer, e.g. 500</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="60" />
        <source>Open shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="61" />
        <source>Open a shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="67" />
        <source>Count the drawer and close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="70" />
        <source>Cash counted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="71" />
        <source>Card slips</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="72" />
        <source>WeChat Pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="73" />
        <source>Alipay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="74" />
        <source>WeChat Pay on the terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="75" />
        <source>Alipay on the terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="78" />
        <source>Blind count: what the drawer should hold shows on the Z report, after.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="89" />
        <source>Count notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="96" />
        <source>X report (shift so far)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="97" />
        <source>Close shift with Z report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="98" />
        <source>Print report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="114" />
        <location filename="../screens/shift.py" line="239" />
        <source>The report preview appears here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="139" />
        <source>No shift is open at this till.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="143" />
        <source>Shift #{number} open since {time}, float {amount}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="180" />
        <source>Shift #{number} is open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="207" />
        <source>Closing the shift needs a supervisor.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/shift.py" line="290" />
        <source>The report is printing</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <location filename="../dialogs/tender.py" line="109" />
        <source>Payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="129" />
        <source>Amount due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="135" />
        <source>Exchange: the {amount} returned counts towards this sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="142" />
        <source>Change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="155" />
        <source>Cash given, e.g. 200</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="172" />
        <source>Exact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="200" />
        <location filename="../dialogs/tender.py" line="315" />
        <source>Card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="178" />
        <location filename="../dialogs/tender.py" line="517" />
        <source>WeChat Pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="159" />
        <source>Reference on the terminal's slip</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="180" />
        <location filename="../dialogs/tender.py" line="204" />
        <location filename="../dialogs/tender.py" line="518" />
        <source>Alipay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="519" />
        <source>Points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="185" />
        <source>Remove last</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="182" />
        <source>Pay with points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="197" />
        <source>On the terminal:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="203" />
        <source>WeChat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="212" />
        <source>Complete sale (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="215" />
        <source>Back to the cart (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="292" />
        <source>Points pay only for a member: find the member first (F7)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="296" />
        <source>The member has no points to pay with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="316" />
        <source>WeChat Pay on the terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="317" />
        <source>Alipay on the terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="329" />
        <source>{method}: take {amount} on the terminal, then enter the slip's reference (or press Enter without one)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="334" />
        <source>{method}: take {amount} on the terminal, then type or scan the reference printed on its slip and press Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="366" />
        <source>This is the customer's payment code, not the terminal's reference: scan the reference on the terminal's slip</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="392" />
        <source>Scan the customer's {wallet} payment code for {amount}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="403" />
        <location filename="../dialogs/tender.py" line="428" />
        <source>A payment is under way: wait for it, or cancel it first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="414" />
        <source>While paying, scan only the customer's payment code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="434" />
        <source>An exchange's difference is paid in cash, by card or on the terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="439" />
        <source>Nothing is left to pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="501" />
        <source>Card and wallet payments cannot be more than what is left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="516" />
        <source>Cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="523" />
        <source>transaction {reference}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="525" />
        <source>ref. {reference}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="529" />
        <source>{points} points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="540" />
        <location filename="../dialogs/tender.py" line="580" />
        <source>Still to pay: {amount}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="542" />
        <source>Paid in full</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="603" />
        <source>Next customer (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/tender.py" line="606" />
        <source>Sale {receipt} complete. The receipt is printing.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../main_window.py" line="62" />
        <source>Terminal {terminal}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="66" />
        <source>Lock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="93" />
        <source>Not logged in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="96" />
        <source>{role} {name} · {code}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="104" />
        <source>No shift open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="106" />
        <source>Shift #{number}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WalletChargePanel</name>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="49" />
        <source>Cancel the payment (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="67" />
        <source>WeChat Pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="67" />
        <source>Alipay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="74" />
        <source>Charging {amount} to {wallet}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="79" />
        <source>{wallet} {amount} · the customer's code was scanned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="93" />
        <source>Waiting for the customer's payment password…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="97" />
        <source>No clear answer from {wallet} yet: finding out. Do not charge the customer again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="106" />
        <source>Cancelling the payment with {wallet}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs/wallet_charge.py" line="118" />
        <source>{seconds} s</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WalletRefundsPanel</name>
    <message>
        <location filename="../screens/returns.py" line="351" />
        <source>Money back through WeChat Pay / Alipay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="356" />
        <source>Ask the provider again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="359" />
        <source>Pay in cash instead (manager)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="391" />
        <source>{wallet}: {amount} refunded to the customer's original payment — done (refund no. {number})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="396" />
        <source>{wallet}: {amount} paid to the customer in cash instead (refund no. {number})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="400" />
        <source>{wallet} refused the refund of {amount} ({reason}): the customer has not had this money back. A manager can pay it in cash instead (refund no. {number})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="409" />
        <source>{wallet}: {amount} is on its way back to the customer, not confirmed by the provider yet (refund no. {number}). Ask the provider again in a minute; the counter also asks by itself when it next starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="437" />
        <source>Paying a refused refund in cash instead needs a manager's approval.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../screens/returns.py" line="450" />
        <source>The provider refused the refund</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../words.py" line="13" />
        <source>Cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="14" />
        <source>Bank card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="15" />
        <source>WeChat Pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="16" />
        <source>Alipay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="17" />
        <source>Points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="18" />
        <source>WeChat Pay (terminal)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="19" />
        <source>Alipay (terminal)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="23" />
        <source>Cashier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="24" />
        <source>Supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="25" />
        <source>Store manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="29" />
        <source>selling</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="30" />
        <source>opening a shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="31" />
        <source>a discount above the limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="32" />
        <source>a price change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="33" />
        <source>a refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="34" />
        <source>voiding a sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="35" />
        <source>opening the drawer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="36" />
        <source>cash in or out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="37" />
        <source>closing the shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="38" />
        <source>reconciliation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="39" />
        <source>posting a stock count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="40" />
        <source>receiving stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="41" />
        <source>settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="42" />
        <source>managing staff</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="43" />
        <source>managing promotions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="44" />
        <source>counting stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="45" />
        <source>adjusting stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="46" />
        <source>editing the catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="47" />
        <source>selling expired goods</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="52" />
        <source>Customer cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="53" />
        <source>Rung up wrongly</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="54" />
        <source>Paid twice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="55" />
        <location filename="../words.py" line="60" />
        <location filename="../words.py" line="66" />
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="58" />
        <source>Change for the drawer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="59" />
        <source>From the safe</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="63" />
        <source>To the safe</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="64" />
        <source>Bank deposit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="65" />
        <source>Paid a supplier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="69" />
        <source>Drawer opened without a sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../words.py" line="70" />
        <source>Sale voided</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>