<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackOffice</name>
    <message>
        <location filename="../backoffice/screens.py" line="32"/>
        <source>Online orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="37"/>
        <source>Stock counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/screens.py" line="43"/>
        <source>Store settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountsScreen</name>
    <message>
        <location filename="../backoffice/counts.py" line="47"/>
        <source>Stock counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="53"/>
        <source>Category (empty: everything)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="54"/>
        <source>New count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="63"/>
        <source>Scan each unit on the shelf; each scan counts one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="67"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="68"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="69"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="70"/>
        <location filename="../backoffice/counts.py" line="79"/>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="71"/>
        <source>Variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="72"/>
        <source>Recount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="80"/>
        <source>Set counted of the chosen line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="82"/>
        <source>Recount the chosen line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="84"/>
        <source>Cancel count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="86"/>
        <source>Post count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="134"/>
        <source>#{id} {name} · {counted}/{lines} counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="175"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="183"/>
        <source>{counted} of {lines} counted, {differ} differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="221"/>
        <source>Whole store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="231"/>
        <source>Start or choose a count first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="248"/>
        <source>Counted {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="256"/>
        <source>Choose a line and enter what was counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="304"/>
        <source>Posting a stock count needs a manager&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/counts.py" line="327"/>
        <source>Count posted: {movements} stock changes (+{added} / -{removed})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../backoffice/error_texts.py" line="7"/>
        <source>This scan is not a product: scan the item&apos;s barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="8"/>
        <source>Log in to fulfil online orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="9"/>
        <source>This is not a pickup code: scan the code on the customer&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/error_texts.py" line="10"/>
        <source>This pickup code is for order {other}, not {order}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersScreen</name>
    <message>
        <location filename="../backoffice/orders.py" line="57"/>
        <source>Online orders to fulfil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="62"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="65"/>
        <source>Show finished too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="76"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="76"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="76"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="76"/>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="80"/>
        <source>Choose an order, then scan each item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="85"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="85"/>
        <source>Ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="85"/>
        <location filename="../backoffice/orders.py" line="227"/>
        <source>Picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="87"/>
        <location filename="../backoffice/orders.py" line="225"/>
        <source>Packed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="89"/>
        <source>Print parcel label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="92"/>
        <source>Express number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="94"/>
        <source>Courier code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="95"/>
        <location filename="../backoffice/orders.py" line="213"/>
        <source>Ship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="98"/>
        <source>Pickup: scan the code on the customer&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="157"/>
        <source>New online order: {orders}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="169"/>
        <source>The online store has not been reached yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="171"/>
        <source>Online store connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="173"/>
        <source>Online store not reachable: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="174"/>
        <source>{count} deliveries waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="213"/>
        <source>Pickup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="220"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="222"/>
        <location filename="../backoffice/orders.py" line="234"/>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="229"/>
        <source>Picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="230"/>
        <source>To pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="236"/>
        <source>Cancelled after hand-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="238"/>
        <source>Refused online: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="239"/>
        <source>Handed over, telling the online store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="271"/>
        <source>No online orders to fulfil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="278"/>
        <source>Order {order} · {kind} · paid {paid}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="285"/>
        <source>For {name} {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="317"/>
        <source>Choose an order to pick first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="335"/>
        <source>Wrong item: this product is not in order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="339"/>
        <source>Too many: all of {item} are already picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="343"/>
        <source>All items picked: pack the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="346"/>
        <source>{item} picked, {left} to go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="358"/>
        <source>Packed: print the parcel label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="381"/>
        <source>No label printer is set up: the preview shows the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="383"/>
        <source>Parcel label sent to the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="399"/>
        <source>Choose the order the customer collects first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="403"/>
        <source>Pick every item before handing the order over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/orders.py" line="441"/>
        <source>Order {order} has left the store</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreSettingsScreen</name>
    <message>
        <location filename="../backoffice/store_settings.py" line="38"/>
        <source>Store settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="44"/>
        <source>Allow selling below zero stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="47"/>
        <source>Store name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="48"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="49"/>
        <source>Receipt footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="50"/>
        <source>Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="52"/>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="55"/>
        <source>Test print on every printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="63"/>
        <source>Sync with the online store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="93"/>
        <source>No configuration file: settings cannot be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="111"/>
        <source>The online store has not been reached yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="113"/>
        <source>Online store connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="115"/>
        <source>Online store not reachable: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="117"/>
        <source>{state}. {stock} stock changes and {deliveries} deliveries to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="157"/>
        <source>Settings saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../backoffice/store_settings.py" line="172"/>
        <source>{count} test pages sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
