<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AfterSalesScreen</name>
    <message>
        <location filename="../backoffice/after_sales.py" line="56" />
        <source>Online returns and refunds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="58" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="67" />
        <source>Order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="67" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="67" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="67" />
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="71" />
        <location filename="../backoffice/after_sales.py" line="222" />
        <source>Choose a return to receive its goods</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="73" />
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="73" />
        <source>Returned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="73" />
        <source>Scanned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="75" />
        <source>Book returned goods into stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="84" />
        <source>Express number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="86" />
        <source>Courier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="87" />
        <source>Send the exchange</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="117" />
        <source>Return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="118" />
        <source>Exchange</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="119" />
        <source>Refund only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="120" />
        <source>Cancel (refund)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="121" />
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="126" />
        <source>Received, confirmed online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="128" />
        <source>Received; refused online: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="131" />
        <source>Received, telling the online store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="133" />
        <source>Awaiting review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="134" />
        <source>Buyer to send back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="135" />
        <source>Coming back: receive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="136" />
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="137" />
        <source>Withdrawn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="138" />
        <source>Closed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="139" />
        <source>Refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="140" />
        <source>Receipt refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="141" />
        <source>Exchange: to send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="142" />
        <source>Exchange sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="143" />
        <source>The platform is involved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="144" />
        <source>Unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="215" />
        <source>Send instead: {items}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="226" />
        <source>After-sale {returns} of order {order}: {kind}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="246" />
        <source>Choose a return whose goods are on their way back first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="261" />
        <source>This item is not in the return, or all of it is scanned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="266" />
        <source>{left} more to scan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="268" />
        <source>All returned items scanned: book them into stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="290" />
        <source>Returned goods are back in stock; the online store is told</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/after_sales.py" line="313" />
        <source>The exchange has left the store; the online store is told</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BackOffice</name>
    <message>
        <location filename="../backoffice/screens.py" line="50" />
        <source>Promotions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="51" />
        <source>Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="52" />
        <source>Points rewards</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="53" />
        <source>Manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="54" />
        <source>Paid, no sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="55" />
        <source>Refunds owed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="56" />
        <source>Settlement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="74" />
        <source>Online orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="84" />
        <source>Online returns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="89" />
        <source>Stock counts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="94" />
        <source>Inventory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="45" />
        <source>Reconciliation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="47" />
        <source>Note links</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="46" />
        <source>Reports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="48" />
        <source>Staff</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="49" />
        <source>Store settings</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CountsScreen</name>
    <message>
        <location filename="../backoffice/counts.py" line="48" />
        <source>Stock counts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="54" />
        <source>Category (empty: everything)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="55" />
        <source>New count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="64" />
        <source>Scan each unit on the shelf; each scan counts one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="68" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="69" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="70" />
        <source>Variant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="71" />
        <source>Expected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="72" />
        <location filename="../backoffice/counts.py" line="81" />
        <source>Counted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="73" />
        <source>Variance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="74" />
        <source>Recount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="82" />
        <source>Set counted of the chosen line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="84" />
        <source>Recount the chosen line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="86" />
        <source>Cancel count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="88" />
        <source>Post count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="146" />
        <source>#{id} {name} · lines counted: {counted}/{lines} · units: {units}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="182" />
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="191" />
        <source>{counted} of {lines} counted, {differ} differ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="239" />
        <source>Whole store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="249" />
        <source>Start or choose a count first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="266" />
        <source>Counted {total}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="274" />
        <source>Choose a line and enter what was counted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="334" />
        <source>Posting a stock count needs a manager's approval.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="354" />
        <source>Count posted: {movements} stock changes (+{added} / -{removed})</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../backoffice/error_texts.py" line="7" />
        <source>This scan is not a product: scan the item's barcode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="8" />
        <source>Log in to fulfil online orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="9" />
        <source>This is not a pickup code: scan the code on the customer's phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="10" />
        <source>This pickup code is for order {other}, not {order}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="11" />
        <source>You cannot lower or deactivate your own account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="12" />
        <source>No staff member {staff_id}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="13" />
        <source>The store has no code secret: badges cannot be made</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="14" />
        <source>That badge belongs to someone else</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="15" />
        <source>Set the online store's address, app id and secret in the configuration first</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ExpiringPanel</name>
    <message>
        <location filename="../backoffice/expiring.py" line="30" />
        <source> days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="33" />
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="43" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="44" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="45" />
        <source>Lot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="46" />
        <source>Expiry date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="47" />
        <source>Days left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="48" />
        <source>On hand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="49" />
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="54" />
        <source>Expired, or expiring within</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="88" />
        <source>(unknown)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="90" />
        <source>Expired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/expiring.py" line="98" />
        <source>Lots: {lots} · units: {units} · at stake: {value} · lots expired: {expired}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InventoryScreen</name>
    <message>
        <location filename="../backoffice/inventory.py" line="60" />
        <source>Product and stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="61" />
        <source>Receive a delivery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="64" />
        <source>Expiring soon</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="83" />
        <source>Scan a product or type its code, then Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="85" />
        <source>No product chosen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="92" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="93" />
        <source>Movement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="94" />
        <source>Quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="95" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="96" />
        <source>Terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="102" />
        <source>Units, e.g. -2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="107" />
        <source>Adjust stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="125" />
        <source>Delivery note number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="127" />
        <source>Supplier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="128" />
        <source>Start receiving</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="130" />
        <location filename="../backoffice/inventory.py" line="421" />
        <source>Start receiving, then scan each unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="135" />
        <source>Lot, if the label has no GS1 code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="137" />
        <source>Expiry date, e.g. 2027-01-31</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="144" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="145" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="146" />
        <source>Variant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="147" />
        <source>Expected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="148" />
        <location filename="../backoffice/inventory.py" line="207" />
        <source>Received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="149" />
        <source>Difference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="150" />
        <source>Lots</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="151" />
        <source>Remark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="155" />
        <source>Book into stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="161" />
        <source>Copies of each: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="163" />
        <source>GS1 DataMatrix (small labels)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="164" />
        <source>Print lot labels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="192" />
        <source>Damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="193" />
        <source>Lost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="194" />
        <source>Found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="195" />
        <source>Expired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="196" />
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="201" />
        <source>Not on the delivery note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="202" />
        <source>Unknown code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="208" />
        <source>Sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="209" />
        <source>Returned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="210" />
        <source>Adjusted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="211" />
        <source>Counted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="212" />
        <source>Online order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="213" />
        <source>Transfer in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="214" />
        <source>Transfer out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="215" />
        <source>Opening stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="240" />
        <source>{code} · {brand} · {category} · price {price} · on hand {on_hand}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="267" />
        <source>Scan the product to adjust first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="270" />
        <source>Enter the units to add (or, with a minus, to take off)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="291" />
        <source>Stock adjusted: on hand {on_hand}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="322" />
        <source>Start receiving first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="373" />
        <source>Delivery #{id} · units scanned: {units}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="411" />
        <source>Units booked into stock: {units}; lines that differ from the delivery note: {problems}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="390" />
        <source>Booking a delivery into stock needs a manager's approval.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="431" />
        <source>No printer is set up: lot labels cannot be printed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/inventory.py" line="449" />
        <source>Lot labels sent to printer {printer}: {lots} lot(s) × {copies}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MembersScreen</name>
    <message>
        <location filename="../backoffice/members.py" line="51" />
        <source>Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="54" />
        <source>Member number or name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="57" />
        <source>Find</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="63" />
        <source>Member number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="64" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="65" />
        <source>Mobile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="66" />
        <source>Points balance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="67" />
        <source>Joined</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="76" />
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="76" />
        <source>Movement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="76" />
        <source>Points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="76" />
        <source>Sale or return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="81" />
        <location filename="../backoffice/members.py" line="202" />
        <source>Erase at the member's request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="128" />
        <source>(erased)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="153" />
        <source>{name} · {points} points (worth {value})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="174" />
        <source>Earned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="175" />
        <source>Paid with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="176" />
        <source>Taken back by a return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="177" />
        <source>Given back by a return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="178" />
        <source>Expired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="179" />
        <source>Spent on a reward</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="180" />
        <source>Given back for a reward's goods</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="181" />
        <source>Undone by a void</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="212" />
        <source>Press again to erase {number} for good</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/members.py" line="227" />
        <source>Member {number} erased</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NotesManagerScreen</name>
    <message>
        <location filename="../backoffice/notes.py" line="49" />
        <source>RED notes in this store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="51" />
        <source>Choose a note, then scan products to link them to it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="56" />
        <location filename="../backoffice/notes.py" line="61" />
        <location filename="../backoffice/notes.py" line="86" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="56" />
        <source>Scans</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="56" />
        <source>Last shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="61" />
        <source>Products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="66" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="66" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="66" />
        <source>Price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="68" />
        <source>Unlink the chosen product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="80" />
        <source>Not linked yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="81" />
        <source>Linked notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="85" />
        <source>Day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="87" />
        <source>Sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="88" />
        <source>Units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="89" />
        <source>Revenue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="90" />
        <source>Refunded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="91" />
        <source>Net revenue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="102" />
        <source>Notes and links</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="103" />
        <source>Sales from RED notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="182" />
        <source>No note chosen</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../backoffice/notes.py" line="185" />
        <source>Note {note}: %n product(s)</source>
        <translation><numerusform>Note {note}: %n product</numerusform><numerusform>Note {note}: %n products</numerusform></translation>
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="201" />
        <source>Choose a note first, then scan its products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="218" />
        <source>Linked to the note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="220" />
        <source>Already linked to the note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/notes.py" line="228" />
        <source>Choose the product to unlink</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OrdersScreen</name>
    <message>
        <location filename="../backoffice/orders.py" line="67" />
        <source>Online orders to fulfil</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="72" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="75" />
        <source>Show finished too</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="87" />
        <source>Order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="88" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="89" />
        <source>Customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="90" />
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="91" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="105" />
        <source>Choose an order, then scan each item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="111" />
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="111" />
        <source>Ordered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="111" />
        <location filename="../backoffice/orders.py" line="307" />
        <source>Picked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="111" />
        <source>Sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="117" />
        <location filename="../backoffice/orders.py" line="305" />
        <source>Packed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="119" />
        <source>Pack these, the rest later</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="127" />
        <source>Print parcel label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="130" />
        <source>Express number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="133" />
        <source>Courier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="135" />
        <source>Show the phone (manager)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="138" />
        <source>Correct express number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="141" />
        <location filename="../backoffice/orders.py" line="287" />
        <source>Ship</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="144" />
        <source>Pickup: scan the code on the customer's phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="212" />
        <source>New online order: {orders}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="237" />
        <source>The online store has not been reached yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="239" />
        <source>Online store connected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="241" />
        <source>Online store not reachable: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="287" />
        <source>Pickup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="291" />
        <source>Part shipped · units still to send: {left}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="417" />
        <source>Parcel {n}: {courier} {number} (units: {units}, {state})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="548" />
        <source>Packed as parcel {n} (units: {units}): print its label and ship it; units to follow later: {left}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="298" />
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../backoffice/orders.py" line="242" />
        <source>%n delivery(s) waiting to be sent</source>
        <translation><numerusform>%n delivery waiting to be sent</numerusform><numerusform>%n deliveries waiting to be sent</numerusform></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="300" />
        <location filename="../backoffice/orders.py" line="314" />
        <source>Delivered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="302" />
        <source>Buyer asked to cancel: stop picking</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="309" />
        <source>Picking</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="310" />
        <source>To pick</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="316" />
        <source>Cancelled after hand-over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="318" />
        <source>Refused online: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="319" />
        <source>Handed over, telling the online store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="362" />
        <source>No online orders to fulfil</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="371" />
        <source>Order {order} · {kind} · paid {paid}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="380" />
        <source>The buyer asked to cancel this order: stop picking, put the items back, do not hand it over or ship it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="386" />
        <source>Picked up by {receiver}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="390" />
        <source>For {receiver}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="432" />
        <source>Parcel {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="474" />
        <source>Choose an order to pick first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="478" />
        <source>The buyer asked to cancel order {order}: stop picking</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="499" />
        <source>Wrong item: this product is not in order {order}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="503" />
        <source>Too many: all of {item} are already picked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="508" />
        <source>All items picked: pack the order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="512" />
        <source>{item} picked, {left} to go (or pack these and send the rest later)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="517" />
        <source>{item} picked, {left} to go</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="529" />
        <source>Packed: print the parcel label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="540" />
        <source>This parcel finishes no product: the online store records a split shipment by whole products, so pick the last units of at least one product first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="591" />
        <source>The label shows the receiver masked ({reason}); the manager is told in the sync log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="599" />
        <source>No label printer is set up: the preview shows the label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="601" />
        <source>Parcel label sent to the printer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="617" />
        <source>Choose the order the customer collects first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="621" />
        <source>Pick every item before handing the order over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="668" />
        <source>Receiver's phone: {phone}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="689" />
        <source>Express number of order {order} corrected; the online store is told</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="701" />
        <source>Parcel {n} of order {order} has left the store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="707" />
        <source>Order {order} has left the store</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PromotionsScreen</name>
    <message>
        <location filename="../backoffice/promotions.py" line="83" />
        <source>Promotions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="86" />
        <location filename="../backoffice/promotions.py" line="201" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="86" />
        <source>Promotion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="203" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="86" />
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="89" />
        <source>New</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="90" />
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="91" />
        <source>End now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="92" />
        <source>Import CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="93" />
        <source>Export CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="95" />
        <source>CSV file to import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="96" />
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="139" />
        <source>Empty: made from the rule, e.g. 满300减50</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="149" />
        <source>Separated by ;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="151" />
        <source>Yuan, e.g. 300</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="153" />
        <source>Yuan, e.g. 50</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="154" />
        <source>Again for every threshold reached</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="158" />
        <source>Percent paid: 90 = 9折, 50 = 半价</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="163" />
        <source>Empty: the cheapest item is free</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="167" />
        <source>Yuan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="173" />
        <source>From YYYY-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="174" />
        <source>To YYYY-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="175" />
        <source>From HH:MM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="176" />
        <source>To HH:MM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="180" />
        <source>Empty: every day; 6;7 = weekends</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="181" />
        <source>Members only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="188" />
        <source>Rules of one group exclude each other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="202" />
        <source>Words on the receipt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="204" />
        <source>Goods</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="205" />
        <source>Which</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="206" />
        <source>Threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="207" />
        <source>Amount off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="209" />
        <source>Items needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="210" />
        <source>Percent paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="211" />
        <source>Which item (2 = the second)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="212" />
        <source>Buy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="213" />
        <source>Free</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="214" />
        <source>Gift SKU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="215" />
        <source>Bundle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="216" />
        <source>Price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="217" />
        <source>Days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="218" />
        <source>Hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="219" />
        <source>Weekdays</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="221" />
        <source>Priority (lower first)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="222" />
        <source>Combines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="223" />
        <source>Exclusion group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="230" />
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="233" />
        <source>Sample cart: SKU*quantity; …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="234" />
        <source>As a member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="235" />
        <source>Preview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="270" />
        <source>Amount off a spend (满减)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="271" />
        <source>Percent off a quantity or spend (满折)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="272" />
        <source>Nth item discounted (第二件半价)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="273" />
        <source>Buy some, get some free (买赠)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="274" />
        <source>Bundle price (组合价)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="275" />
        <source>Special price (限时价)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="276" />
        <source>Member price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="281" />
        <source>Whole store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="282" />
        <source>SKUs (codes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="283" />
        <source>Products (numbers)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="284" />
        <source>Brands</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="285" />
        <source>Categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="290" />
        <source>With other promotions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="291" />
        <source>Its goods take no other promotion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="292" />
        <source>No other promotion in the sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="344" />
        <source>Write each SKU of a bundle as code*quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="349" />
        <source>Weekdays are 1 (Monday) to 7 (Sunday)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="401" />
        <source>The percent paid is a number, e.g. 90</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="409" />
        <source>Not a date (YYYY-MM-DD): {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="416" />
        <source>Not a time (HH:MM): {text}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="439" />
        <source>Ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="441" />
        <source>On now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="443" />
        <source>Not now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="513" />
        <source>Promotion {code} saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="520" />
        <source>Choose the promotion to copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="537" />
        <source>Copied as {code}: change it and save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="544" />
        <source>Choose the promotion to end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="562" />
        <source>Promotion {code} ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="575" />
        <source>Write the sample cart as code*quantity; …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="579" />
        <source>Type a sample cart to preview, e.g. LIP-520*2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="592" />
        <source>This cart would get {saved} off from this promotion: {total} to pay instead of {without}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="611" />
        <source>Promotions CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="611" />
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="619" />
        <source>Choose the CSV file to import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="631" />
        <source>{count} promotions imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/promotions.py" line="647" />
        <source>Saved as {path}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReconciliationScreen</name>
    <message>
        <location filename="../backoffice/reconciliation.py" line="58" />
        <source>Reconciliation with the online store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="60" />
        <source>Run reconciliation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="78" />
        <source>All differences</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="83" />
        <source>Filter by code or title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="85" />
        <source>Undecided only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="95" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="96" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="97" />
        <source>Variant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="98" />
        <source>Kind of difference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="99" />
        <source>Store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="100" />
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="101" />
        <source>At stake</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="102" />
        <source>Decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="116" />
        <source>Reason (required)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="117" />
        <source>Decide for the chosen lines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="119" />
        <source>Decide for all shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="121" />
        <source>Export CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="153" />
        <source>Stock differs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="154" />
        <source>Price differs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="155" />
        <source>Barcode differs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="156" />
        <source>Not in the store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="157" />
        <source>Not listed online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="158" />
        <source>Not for sale yet stocked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="163" />
        <source>Send the store's stock online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="164" />
        <source>Take the online stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="165" />
        <source>Count it again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="166" />
        <source>Take the online price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="167" />
        <source>Flag for head office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="186" />
        <source>Reading the online store…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="202" />
        <source>Reading the online catalog</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="203" />
        <source>Reading the online stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="204" />
        <source>Comparing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="214" />
        <source>Run #{run}: {count} differences</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="242" />
        <source>#{run} {when} · {count} differences, {done} decided</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="306" />
        <source>No reconciliation run yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="310" />
        <source>{here} SKUs in the store, {online} online; {count} differences worth {value}; {shown} shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="350" />
        <source>Choose the lines to decide on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="356" />
        <source>{decision} does not fit a difference of kind {kind}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../backoffice/reconciliation.py" line="377" />
        <source>%n line(s) decided</source>
        <translation><numerusform>%n line decided</numerusform><numerusform>%n lines decided</numerusform></translation>
    </message>
    <message>
        <location filename="../backoffice/reconciliation.py" line="393" />
        <source>Saved as {path}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RefundsWaitingScreen</name>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="47" />
        <source>Refunds still owed to customers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="49" />
        <source>Refunds through WeChat Pay or Alipay that the provider has not confirmed, or refused: the customer has not had this money back yet. Ask the provider again, or pay a refused refund in cash instead (a manager).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="56" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="57" />
        <source>Receipt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="58" />
        <source>Wallet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="59" />
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="60" />
        <source>Refund no.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="61" />
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="62" />
        <source>Waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="79" />
        <source>Reason for paying in cash (required)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="80" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="81" />
        <source>Ask the provider again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="83" />
        <source>Pay in cash instead (manager)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="103" />
        <source>No payment provider is configured at this counter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="115" />
        <source>Refunds waiting: {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="118" />
        <source>No refund is owed: every refund through WeChat Pay or Alipay is confirmed by the provider or was paid in cash.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="146" />
        <source>WeChat Pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="146" />
        <source>Alipay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="152" />
        <source>Refused: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="154" />
        <source>Refused by the provider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="156" />
        <source>Refunding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="163" />
        <source>{n} min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="165" />
        <source>{n} h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="166" />
        <source>{n} days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="178" />
        <source>Choose a refund in the list first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="193" />
        <source>{wallet} refused the refund of {amount} ({reason}): the customer has not had this money back. A manager can pay it in cash instead: hand over {amount}. Refund no. {number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="203" />
        <source>{wallet}: {amount} is on its way back to the customer, not confirmed by the provider yet. Ask the provider again. Refund no. {number}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="215" />
        <source>The provider refused this refund for good: asking again does not change it. Pay it in cash instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="237" />
        <source>{wallet}: {amount} refunded to the customer's original payment — done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="241" />
        <source>{wallet} refused the refund of {amount}: a manager can pay it in cash instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="243" />
        <source>{wallet}: {amount} is still on its way; ask again later</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="255" />
        <source>Only a refund the provider refused can be paid in cash instead: ask the provider about this one again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="262" />
        <source>Say why the refund is paid in cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="269" />
        <source>Paying a refused refund in cash instead needs a manager's approval.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/refunds_waiting.py" line="295" />
        <source>Hand {amount} in cash to the customer (refund no. {number})</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../backoffice/reports.py" line="93" />
        <source>Reports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="107" />
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="110" />
        <source>Export CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="126" />
        <source>No report yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="139" />
        <source>Sales by day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="140" />
        <source>Sales by hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="141" />
        <source>Sales by category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="142" />
        <source>Sales by staff</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="143" />
        <source>Payments by tender</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="144" />
        <source>Top SKUs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="145" />
        <source>Sales from RED notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="146" />
        <source>Stock by expiry month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="147" />
        <source>Sales by promotion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="148" />
        <source>Members' share of sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="149" />
        <source>Points moved and owed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="150" />
        <source>Online orders (receivers masked)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="155" />
        <source>Day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="156" />
        <source>Hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="157" />
        <source>Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="158" />
        <source>Staff number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="159" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="160" />
        <source>Tender</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="161" />
        <source>Payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="162" />
        <source>Taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="163" />
        <source>Refunded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="164" />
        <source>Net</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="165" />
        <location filename="../backoffice/reports.py" line="175" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="166" />
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="167" />
        <source>Variant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="168" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="169" />
        <source>Sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="170" />
        <source>Units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="171" />
        <source>Discounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="172" />
        <source>Revenue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="173" />
        <source>Units returned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="174" />
        <source>Net revenue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="176" />
        <source>Promotion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="177" />
        <source>Cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="178" />
        <source>Customers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="179" />
        <source>Share</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="180" />
        <source>Movement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="181" />
        <source>Points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="182" />
        <source>Expiry month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="183" />
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="184" />
        <source>Lot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="185" />
        <source>Expiry date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="186" />
        <source>On hand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="187" />
        <source>Order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="188" />
        <source>Created</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="189" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="190" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="191" />
        <source>Cancel asked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="192" />
        <source>Receiver (masked)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="193" />
        <source>Paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="221" />
        <source>Held now by {count} members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="223" />
        <source>Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="224" />
        <source>Other customers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="225" />
        <source>Earned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="226" />
        <source>Paid with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="227" />
        <source>Taken back by a return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="228" />
        <source>Given back by a return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="229" />
        <source>Expired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="230" />
        <source>Spent on a reward</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="231" />
        <source>Given back for a reward's goods</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="232" />
        <source>Undone by a void</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="271" />
        <source>Nothing sold in this period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/reports.py" line="285" />
        <source>Saved as {path}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RewardsScreen</name>
    <message>
        <location filename="../backoffice/rewards.py" line="43" />
        <source>Points rewards</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="47" />
        <source>Members take these for points at the counter (More → Points rewards): a gift SKU free, or an amount off the sale. A return gives the points back for the goods it returns.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="55" />
        <location filename="../backoffice/rewards.py" line="72" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="55" />
        <source>Reward</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="55" />
        <location filename="../backoffice/rewards.py" line="74" />
        <source>Points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="120" />
        <source>Offered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="61" />
        <source>Words on the receipt (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="55" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="66" />
        <source>SKU code of the gift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="68" />
        <source>or an amount off, in yuan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="73" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="75" />
        <source>Gift SKU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="76" />
        <source>Amount off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="77" />
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="78" />
        <source>End</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="79" />
        <source>New</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="120" />
        <source>Ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="168" />
        <source>Reward {code} saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="175" />
        <source>Choose the reward to end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/rewards.py" line="186" />
        <source>Reward {code} ended</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettlementScreen</name>
    <message>
        <location filename="../backoffice/settlement.py" line="47" />
        <source>Settlement with WeChat Pay and Alipay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="52" />
        <source>Bill day (China time)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="53" />
        <source>Reconcile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="58" />
        <source>Only what does not match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="74" />
        <source>Finding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="75" />
        <source>Wallet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="76" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="77" />
        <source>Number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="78" />
        <source>Recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="79" />
        <source>Bill</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="80" />
        <source>Difference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="81" />
        <source>Fee</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="82" />
        <source>Sale / return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="101" />
        <source>No payment provider is configured at this counter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="110" />
        <source>Type the day as 2026-11-25</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="113" />
        <source>Fetching the bills…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="119" />
        <source>WeChat Pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="119" />
        <source>Alipay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="123" />
        <source>matches</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="124" />
        <source>reversed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="125" />
        <source>amount differs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="126" />
        <source>not in the bill</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="127" />
        <source>not recorded here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="134" />
        <source>{wallet}: no bill — {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="136" />
        <source>{wallet}: bill paid {paid}, refunded {refunded}, fees {fees}, settled {settled} · recorded paid {ours_paid}, refunded {ours_refunded}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../backoffice/settlement.py" line="156" />
        <source>{day}: every line matches (%n line(s))</source>
        <translation><numerusform>{day}: every line matches (%n line)</numerusform><numerusform>{day}: every line matches (%n lines)</numerusform></translation>
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="162" />
        <source>{day}: lines that do not match: {problems} of {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="185" />
        <source>payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="185" />
        <source>refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/settlement.py" line="191" />
        <source>test payment</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../backoffice/staff.py" line="49" />
        <source>Staff</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="53" />
        <location filename="../backoffice/staff.py" line="63" />
        <source>Staff number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="54" />
        <location filename="../backoffice/staff.py" line="65" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="55" />
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="56" />
        <source>Active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="57" />
        <source>Badge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="71" />
        <source>New PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="73" />
        <source>Add person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="75" />
        <source>Set role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="77" />
        <source>Reset PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="79" />
        <source>Issue badge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="81" />
        <source>Revoke badge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="83" />
        <source>Deactivate / reactivate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="130" />
        <source>Clerk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="131" />
        <source>Supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="132" />
        <source>Manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="155" />
        <location filename="../backoffice/staff.py" line="156" />
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="155" />
        <source>No</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="215" />
        <source>Choose a person in the list first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/staff.py" line="251" />
        <source>Saved: {name}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StoreSettingsScreen</name>
    <message>
        <location filename="../backoffice/store_settings.py" line="48" />
        <source>Store settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="54" />
        <source>Allow selling below zero stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="56" />
        <source>Card: slip reference required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="58" />
        <source>Wallets on a separate terminal too</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="60" />
        <source>Take WeChat Pay and Alipay on a separate terminal or a static QR code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="65" />
        <source>Store name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="66" />
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="67" />
        <source>Receipt footer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="68" />
        <source>Terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="80" />
        <source>Save settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="83" />
        <source>Test print on every printer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="94" />
        <source>Online store connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="98" />
        <source>Show the approval page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="105" />
        <source>Code from the approval page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="106" />
        <source>Connect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="114" />
        <source>Sync with the online store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="170" />
        <source>No configuration file: settings cannot be saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="180" />
        <source>Printers: {printers}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="207" />
        <source>Not connected: show the approval page, approve, enter the code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="209" />
        <source>the online store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="211" />
        <source>The authorisation for {seller} has expired: connect again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="216" />
        <source>Warning: the authorisation for {seller} runs out in {days} days: connect again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="218" />
        <source>Connected to {seller} until {date}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="260" />
        <source>The store is connected to its online store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="265" />
        <source>The online store has not been reached yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="267" />
        <source>Online store connected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="269" />
        <source>Online store not reachable: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="271" />
        <source>{state}. To send: stock changes {stock} · deliveries {deliveries}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="316" />
        <source>Settings saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="331" />
        <source>{count} test pages sent</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncLog</name>
    <message>
        <location filename="../backoffice/sync_words.py" line="16" />
        <source>Barcode {barcode} belongs to SKU {owner} here but to SKU {code} online: not moved; check both products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="21" />
        <source>Catalog: {read} SKUs read, {created} new, {changed} changed, {conflicts} conflicts, {deactivated} no longer online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="26" />
        <source>New online order {order} for {fulfilment}: {units} units</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="27" />
        <source>Online SKU {red_sku} has a barcode the store cannot use ({reason})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="30" />
        <source>Online order {order} delivered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="31" />
        <source>Online order {order} has SKUs the store does not know: {skus}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="32" />
        <source>Online order {order} was cancelled before its delivery was sent; the goods were handed over: check with the customer and count the stock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="37" />
        <source>Opening stock taken from the {source}: {skus} SKUs, {added} units added, {removed} removed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="42" />
        <source>SKU code {code} belongs to online SKU {linked} here, but online SKU {red_sku} has it too: not applied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="47" />
        <source>SKU {code} (online {red_sku}) is no longer in the online store: deactivated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="50" />
        <source>The online catalog changed while it was read in full; SKUs gone online are looked for at the next full read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="55" />
        <source>The online catalog changed while it was read; reading again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="56" />
        <source>The online store is out of reach; changes wait</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="57" />
        <source>The online store is reachable again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="58" />
        <source>The online store refused the delivery of order {order}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/sync_words.py" line="61" />
        <source>The online store refused the stock of SKU {code} ({on_hand}): {reason}. Check it in the reconciliation</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UnsoldPaymentsScreen</name>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="39" />
        <source>Payments taken without a sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="41" />
        <source>The customer paid, but no sale holds the payment. Attach it to the sale rung up on the sale screen, or refund it to the customer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="47" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="48" />
        <source>Wallet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="49" />
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="50" />
        <source>Order number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="51" />
        <source>Provider's number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="52" />
        <source>Terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="53" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="59" />
        <source>Reason for the refund (required)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="60" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="61" />
        <source>Attach to the sale in the cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="62" />
        <source>Refund to the customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="73" />
        <source>WeChat Pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="73" />
        <source>Alipay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="83" />
        <source>No payment provider is configured at this counter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="94" />
        <source>Payments waiting for a manager: {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="96" />
        <source>Every payment taken is in a sale.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="108" />
        <source>test payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="108" />
        <source>sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="121" />
        <source>Choose a payment in the list first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="136" />
        <source>Ring up what the customer paid for on the sale screen first: the cart's total {cart} must be the payment's {amount}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="146" />
        <source>The payment now pays sale {receipt}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="157" />
        <source>Say why the payment is refunded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="166" />
        <source>Refunded to the customer through the provider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../backoffice/unsold_payments.py" line="168" />
        <source>Refund sent; the provider has not confirmed it yet</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>