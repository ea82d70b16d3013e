<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="169"/>
        <source>About ShopDesk</source>
        <translation>关于店铺客服台</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="172"/>
        <source>&lt;h3&gt;ShopDesk {version}&lt;/h3&gt;&lt;p&gt;Customer file, after-sales register and quick replies for a small online shop.&lt;/p&gt;&lt;p&gt;Qt for Python {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;店铺客服台 {version}&lt;/h3&gt;&lt;p&gt;专为小网店打造的客户档案、售后登记与快捷短语工具。&lt;/p&gt;&lt;p&gt;Qt for Python {qt}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AftersalesPage</name>
    <message>
        <location filename="../../desk/ui/aftersales/page.py" line="22"/>
        <source>Case</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <location filename="../../desk/ui/aftersales/page.py" line="23"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../desk/ui/aftersales/page.py" line="24"/>
        <source>Order</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <location filename="../../desk/ui/aftersales/page.py" line="25"/>
        <source>Kind</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <location filename="../../desk/ui/aftersales/page.py" line="26"/>
        <source>Reason</source>
        <translation>售后原因</translation>
    </message>
    <message>
        <location filename="../../desk/ui/aftersales/page.py" line="27"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desk/ui/aftersales/page.py" line="29"/>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../desk/ui/aftersales/page.py" line="30"/>
        <source>Refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../desk/ui/aftersales/page.py" line="31"/>
        <source>Opened</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../desk/ui/aftersales/page.py" line="28"/>
        <source>Next deadline</source>
        <translation>下一截止时间</translation>
    </message>
    <message>
        <location filename="../../desk/ui/aftersales/page.py" line="33"/>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../desk/ui/aftersales/page.py" line="34"/>
        <source>Search case number, order number or nickname…</source>
        <translation>搜索售后单号、订单编号或买家昵称…</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="65"/>
        <source>13812345678 or 0571-88886666</source>
        <translation>13812345678 或 0571-88886666</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="67"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="77"/>
        <source>Nickname:</source>
        <translation>昵称：</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="78"/>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="79"/>
        <source>Real name:</source>
        <translation>真实姓名：</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="80"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="81"/>
        <source>Region:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="86"/>
        <source>Customer</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="98"/>
        <source>Back to &amp;automatic</source>
        <translation>恢复自动(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="105"/>
        <source>Group</source>
        <translation>客户分组</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="121"/>
        <source>Add a tag (name or pinyin)…</source>
        <translation>添加标签（名称或拼音）…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="140"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="152"/>
        <source>Write a note about this customer…</source>
        <translation>写一条关于这位客户的备注…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="154"/>
        <source>Add &amp;note</source>
        <translation>添加备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="155"/>
        <location filename="../../desk/ui/customers/detail.py" line="335"/>
        <source>&amp;Pin</source>
        <translation>置顶(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="156"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="157"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="177"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="184"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="184"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="184"/>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="184"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="193"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="243"/>
        <source>Customer: {nickname}</source>
        <translation>客户：{nickname}</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="247"/>
        <source>Set by hand</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="248"/>
        <source>Follows the orders</source>
        <translation>按订单自动调整</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/customers/detail.py" line="251"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 笔订单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="252"/>
        <source>Total {money}</source>
        <translation>累计消费 {money}</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="253"/>
        <source>Average order {money}</source>
        <translation>客单价 {money}</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="255"/>
        <source>Repeat buyer</source>
        <translation>回头客</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/customers/detail.py" line="256"/>
        <source>%n open case(s)</source>
        <translation>
            <numerusform>%n 个未结售后</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="275"/>
        <source>Many returns</source>
        <translation>售后多</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="276"/>
        <source>Bad review</source>
        <translation>差评</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="277"/>
        <source>Orders without paying</source>
        <translation>拍下不买</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="293"/>
        <source>{category}: click to remove this tag</source>
        <translation>{category}：点击移除此标签</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="304"/>
        <source>Pinned · {when}</source>
        <translation>置顶 · {when}</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="335"/>
        <source>Un&amp;pin</source>
        <translation>取消置顶(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="384"/>
        <source>No tag &quot;{name}&quot;.</source>
        <translation>没有名为“{name}”的标签。</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/detail.py" line="408"/>
        <source>Note deleted.</source>
        <translation>备注已删除。</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../desk/ui/customers/page.py" line="23"/>
        <source>Nickname</source>
        <translation>买家昵称</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/page.py" line="24"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/page.py" line="25"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/page.py" line="26"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/page.py" line="27"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/page.py" line="28"/>
        <source>Total spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/page.py" line="29"/>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/page.py" line="30"/>
        <source>Open cases</source>
        <translation>未结售后</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/page.py" line="31"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/page.py" line="33"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desk/ui/customers/page.py" line="35"/>
        <source>Search nickname, name, phone or pinyin initials…</source>
        <translation>搜索昵称、姓名、手机号或拼音首字母…</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desk/ui/app.py" line="119"/>
        <location filename="../../desk/ui/errors.py" line="30"/>
        <location filename="../../desk/ui/errors.py" line="46"/>
        <source>ShopDesk</source>
        <translation>店铺客服台</translation>
    </message>
    <message>
        <location filename="../../desk/ui/errors.py" line="47"/>
        <source>Something went wrong. ShopDesk keeps running and your saved work is safe. The details are in the log (Help &gt; Open log).</source>
        <translation>程序出错了。店铺客服台仍在运行，已保存的数据不会丢失。详细信息见日志（帮助 &gt; 打开日志）。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="126"/>
        <source>Welcome to ShopDesk</source>
        <translation>欢迎使用店铺客服台</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="129"/>
        <source>&lt;h3&gt;Welcome to ShopDesk&lt;/h3&gt;&lt;p&gt;Your customer file, after-sales cases and quick replies, in one place.&lt;/p&gt;&lt;p&gt;How would you like to begin?&lt;/p&gt;</source>
        <translation>&lt;h3&gt;欢迎使用店铺客服台&lt;/h3&gt;&lt;p&gt;客户档案、售后登记和快捷短语，集中在一处管理。&lt;/p&gt;&lt;p&gt;请选择开始方式：&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="136"/>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="136"/>
        <source>Add buyers and cases as they come.</source>
        <translation>有新买家或新售后时再逐条添加。</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="137"/>
        <source>Load demo data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="138"/>
        <source>A made-up shop with 2,000 buyers to try everything out.</source>
        <translation>一家虚构的店铺，含 2000 位买家，可随意试用各项功能。</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="139"/>
        <source>Import an order export…</source>
        <translation>导入订单报表…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="140"/>
        <source>Fill the customer file from the orders you download from the seller centre.</source>
        <translation>用从卖家中心下载的订单报表建立客户档案。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desk/ui/labels.py" line="12"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="13"/>
        <source>Tmall</source>
        <translation>天猫</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="14"/>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="15"/>
        <source>JD</source>
        <translation>京东</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="16"/>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="17"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="18"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="24"/>
        <source>Asked</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="25"/>
        <source>Unpaid</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="26"/>
        <location filename="../../desk/ui/labels.py" line="35"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="27"/>
        <source>Customer</source>
        <translation>成交</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="33"/>
        <source>Awaiting payment</source>
        <translation>等待买家付款</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="34"/>
        <source>Paid</source>
        <translation>买家已付款</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="36"/>
        <source>Completed</source>
        <translation>交易成功</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="37"/>
        <location filename="../../desk/ui/labels.py" line="62"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="43"/>
        <source>Refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="44"/>
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="45"/>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="46"/>
        <source>Reissue</source>
        <translation>补发</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="47"/>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="48"/>
        <source>Partial refund</source>
        <translation>退差价/补偿</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="54"/>
        <source>New</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="55"/>
        <source>Handling</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="56"/>
        <source>Awaiting return</source>
        <translation>等待买家退货</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="57"/>
        <source>On its way back</source>
        <translation>退货途中</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="58"/>
        <source>Received</source>
        <translation>已收到退货</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="59"/>
        <source>Refund/reissue under way</source>
        <translation>退款/补发中</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="60"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="61"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../desk/ui/labels.py" line="68"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message numerus="yes">
        <location filename="../../desk/ui/listpage.py" line="95"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>共 %Ln 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="45"/>
        <location filename="../../desk/ui/mainwindow.py" line="83"/>
        <location filename="../../desk/ui/mainwindow.py" line="210"/>
        <location filename="../../desk/ui/mainwindow.py" line="225"/>
        <source>ShopDesk</source>
        <translation>店铺客服台</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="121"/>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="122"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="123"/>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="124"/>
        <source>Quick replies</source>
        <translation>快捷短语</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/mainwindow.py" line="130"/>
        <source>%n follow-up(s) due today or overdue</source>
        <translation>
            <numerusform>今日到期或已逾期的跟进：%n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="136"/>
        <source>Data folder: {folder}</source>
        <translation>数据文件夹：{folder}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/mainwindow.py" line="149"/>
        <source>and %n more</source>
        <translation>
            <numerusform>还有 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/mainwindow.py" line="150"/>
        <source>%n follow-up(s) due</source>
        <translation>
            <numerusform>%n 条跟进到期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="176"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="178"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="179"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="180"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="182"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="184"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="186"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="192"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="194"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="196"/>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="198"/>
        <source>Open &amp;log</source>
        <translation>打开日志(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="201"/>
        <source>&amp;About ShopDesk</source>
        <translation>关于店铺客服台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="226"/>
        <source>{what} is not available in this version yet.</source>
        <translation>当前版本暂不支持{what}。</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="229"/>
        <source>Importing order exports</source>
        <translation>导入订单报表</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="232"/>
        <source>Exporting to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="235"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="237"/>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="258"/>
        <source>Loading demo data…</source>
        <translation>正在加载演示数据…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/mainwindow.py" line="254"/>
        <source>Demo data loaded: {n} customers</source>
        <translation>演示数据已加载：{n} 位客户</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location filename="../../desk/ui/progress.py" line="20"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RepliesPage</name>
    <message>
        <location filename="../../desk/ui/replies/page.py" line="27"/>
        <source>Code</source>
        <translation>快捷编码</translation>
    </message>
    <message>
        <location filename="../../desk/ui/replies/page.py" line="28"/>
        <source>Text</source>
        <translation>短语内容</translation>
    </message>
    <message>
        <location filename="../../desk/ui/replies/page.py" line="29"/>
        <source>Used</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <location filename="../../desk/ui/replies/page.py" line="31"/>
        <source>Quick replies</source>
        <translation>快捷短语</translation>
    </message>
    <message>
        <location filename="../../desk/ui/replies/page.py" line="36"/>
        <source>Search code or text…</source>
        <translation>搜索快捷编码或短语内容…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/replies/page.py" line="90"/>
        <source>Copied to the clipboard</source>
        <translation>已复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>RiskFlag</name>
    <message>
        <location filename="../../desk/core/customers/figures.py" line="156"/>
        <source>{cases} after-sales cases for {paid} paid orders.</source>
        <translation>{paid} 笔已付款订单中有 {cases} 次售后。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/figures.py" line="165"/>
        <source>Tagged {tags}.</source>
        <translation>带有标签：{tags}。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/figures.py" line="168"/>
        <source>{count} orders placed and never paid.</source>
        <translation>{count} 笔订单拍下后一直未付款。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="35"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="41"/>
        <source>Used in quick replies as {shop_name}</source>
        <translation>快捷短语中的 {shop_name} 会替换为此名称</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="56"/>
        <source>Show phone numbers as 138****1234</source>
        <translation>手机号显示为 138****1234</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="61"/>
        <source>Shop name:</source>
        <translation>店铺名称：</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="62"/>
        <source>Your name (case handler):</source>
        <translation>您的名字（售后处理人）：</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="63"/>
        <source>Default platform:</source>
        <translation>默认平台：</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="64"/>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="66"/>
        <source>Warn this many hours before a deadline:</source>
        <translation>截止前多少小时提醒：</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="67"/>
        <source>Back up while running every (hours):</source>
        <translation>运行时自动备份间隔（小时）：</translation>
    </message>
    <message>
        <location filename="../../desk/ui/dialogs.py" line="68"/>
        <source>A new language takes effect when ShopDesk next starts.</source>
        <translation>更改界面语言后，下次启动店铺客服台时生效。</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../desk/ui/today/page.py" line="30"/>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today/page.py" line="31"/>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today/page.py" line="32"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today/page.py" line="33"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today/page.py" line="35"/>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today/page.py" line="36"/>
        <source>Filter by buyer or task…</source>
        <translation>按买家或事项筛选…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today/page.py" line="40"/>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <location filename="../../desk/ui/today/page.py" line="43"/>
        <source>Mark the selected follow-ups done (Ctrl+D)</source>
        <translation>将选中的跟进标记为已完成（Ctrl+D）</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <location filename="../../desk/cli.py" line="101"/>
        <location filename="../../desk/cli.py" line="226"/>
        <source>There is no ShopDesk database in {folder}.</source>
        <translation>{folder} 中没有店铺客服台的数据库。</translation>
    </message>
    <message>
        <location filename="../../desk/core/backup.py" line="25"/>
        <source>The backup could not be written to {folder}: {reason}.</source>
        <translation>备份无法写入 {folder}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desk/core/backup.py" line="30"/>
        <source>The backup failed its check and was removed; the database itself is unchanged.</source>
        <translation>备份未通过校验，已删除；数据库本身没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/followups.py" line="28"/>
        <source>Say what to follow up.</source>
        <translation>请填写跟进内容。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/followups.py" line="29"/>
        <source>A follow-up can be at most {limit} characters (this one has {length}).</source>
        <translation>跟进内容最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/followups.py" line="45"/>
        <source>Some of these follow-ups no longer exist; nothing was changed.</source>
        <translation>其中有些跟进事项已不存在，没有做任何修改。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/followups.py" line="56"/>
        <location filename="../../desk/core/customers/notes.py" line="57"/>
        <source>That after-sales case is not one of this customer&apos;s.</source>
        <translation>这个售后单不属于该客户。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/followups.py" line="96"/>
        <source>Snooze until a time in the future.</source>
        <translation>稍后提醒的时间必须在将来。</translation>
    </message>
    <message>
        <location filename="../../desk/core/db.py" line="128"/>
        <source>{path} is not a ShopDesk database.</source>
        <translation>{path} 不是店铺客服台的数据库。</translation>
    </message>
    <message>
        <location filename="../../desk/core/db.py" line="132"/>
        <source>This database was written by a newer ShopDesk (schema {found}; this version knows up to {known}). Update ShopDesk to open it.</source>
        <translation>这个数据库由更新版本的店铺客服台写入（结构版本 {found}，当前版本最高支持 {known}）。请先升级店铺客服台再打开。</translation>
    </message>
    <message>
        <location filename="../../desk/core/db.py" line="196"/>
        <source>The database {path} cannot be opened: {reason}.</source>
        <translation>无法打开数据库 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../desk/core/demo.py" line="207"/>
        <source>The demo can have between 0 and {most} customers.</source>
        <translation>演示数据的客户数须在 0 到 {most} 之间。</translation>
    </message>
    <message>
        <location filename="../../desk/core/demo.py" line="212"/>
        <source>This data folder already holds {count} customers; demo data goes into an empty one. Use another folder (--data-dir).</source>
        <translation>这个数据文件夹里已有 {count} 位客户；演示数据只能放进空的数据文件夹。请换一个文件夹（--data-dir）。</translation>
    </message>
    <message>
        <location filename="../../desk/core/lock.py" line="50"/>
        <source>Another ShopDesk is using the data folder {folder}. Close it first, or use another folder with --data-dir.</source>
        <translation>另一个店铺客服台正在使用数据文件夹 {folder}。请先关闭它，或用 --data-dir 换一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../desk/core/money.py" line="18"/>
        <source>“{text}” is not an amount of money.</source>
        <translation>“{text}”不是有效的金额。</translation>
    </message>
    <message>
        <location filename="../../desk/core/paths.py" line="46"/>
        <source>Cannot use the data folder {folder}: {reason}. Choose another folder with --data-dir.</source>
        <translation>无法使用数据文件夹 {folder}：{reason}。请用 --data-dir 选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../desk/core/paths.py" line="51"/>
        <source>The data folder {folder} is read-only. Choose another with --data-dir.</source>
        <translation>数据文件夹 {folder} 是只读的。请用 --data-dir 选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../desk/core/paths.py" line="68"/>
        <source>{path} is a file, not a folder. Give --data-dir a folder.</source>
        <translation>{path} 是文件而不是文件夹。请给 --data-dir 指定一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../desk/core/settings.py" line="33"/>
        <source>Setting {name}: expected yes or no.</source>
        <translation>设置项 {name}：应为“是”或“否”。</translation>
    </message>
    <message>
        <location filename="../../desk/core/settings.py" line="37"/>
        <source>Setting {name}: expected a whole number.</source>
        <translation>设置项 {name}：应为整数。</translation>
    </message>
    <message>
        <location filename="../../desk/core/settings.py" line="40"/>
        <source>Setting {name}: at least {limit}.</source>
        <translation>设置项 {name}：不能小于 {limit}。</translation>
    </message>
    <message>
        <location filename="../../desk/core/settings.py" line="43"/>
        <source>Setting {name}: at most {limit}.</source>
        <translation>设置项 {name}：不能大于 {limit}。</translation>
    </message>
    <message>
        <location filename="../../desk/core/settings.py" line="47"/>
        <source>Setting {name}: expected text.</source>
        <translation>设置项 {name}：应为文字。</translation>
    </message>
    <message>
        <location filename="../../desk/core/settings.py" line="51"/>
        <source>Setting {name}: at most 200 characters.</source>
        <translation>设置项 {name}：最多 200 个字符。</translation>
    </message>
    <message>
        <location filename="../../desk/core/settings.py" line="54"/>
        <source>Setting {name}: must be one of {choices}.</source>
        <translation>设置项 {name}：必须是 {choices} 之一。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/fields.py" line="54"/>
        <source>&quot;{phone}&quot; is not a phone number: use an 11-digit mobile (13812345678), a landline with its area code (0571-88886666) or a masked number (138****1234).</source>
        <translation>“{phone}”不是电话号码：请填 11 位手机号（13812345678）、带区号的座机（0571-88886666）或打码号码（138****1234）。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/fields.py" line="67"/>
        <source>&quot;{color}&quot; is not a colour: use #rrggbb, for example #e53935.</source>
        <translation>“{color}”不是颜色：请用 #rrggbb 格式，例如 #e53935。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/figures.py" line="74"/>
        <source>Unknown lifecycle group &quot;{group}&quot;.</source>
        <translation>没有“{group}”这个客户分组。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/merge.py" line="52"/>
        <source>Choose two different customers to merge.</source>
        <translation>请选择两个不同的客户来合并。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/merge.py" line="144"/>
        <source>The merge cannot be undone: one of the customers was deleted for good.</source>
        <translation>无法撤销合并：其中一个客户已被彻底删除。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/merge.py" line="147"/>
        <source>The merge cannot be undone: &quot;{nickname}&quot; was restored from the trash since.</source>
        <translation>无法撤销合并：“{nickname}”之后已从回收站恢复。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/notes.py" line="42"/>
        <source>The note is empty.</source>
        <translation>备注是空的。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/notes.py" line="45"/>
        <source>A note can be at most {limit} characters (this one has {length}); split it into several notes.</source>
        <translation>一条备注最多 {limit} 个字（现在有 {length} 个），请分成几条备注。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/notes.py" line="54"/>
        <source>That order is not one of this customer&apos;s.</source>
        <translation>这个订单不属于该客户。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/notes.py" line="64"/>
        <source>This note no longer exists.</source>
        <translation>这条备注已不存在。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/notes.py" line="107"/>
        <source>Some of these notes no longer exist; nothing was changed.</source>
        <translation>其中有些备注已不存在，什么都没有修改。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="83"/>
        <source>Choose the customer&apos;s platform.</source>
        <translation>请选择客户所在的平台。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="85"/>
        <source>Unknown platform &quot;{platform}&quot;.</source>
        <translation>没有“{platform}”这个平台。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="97"/>
        <source>Nickname is required.</source>
        <translation>请填写买家昵称。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="98"/>
        <source>The nickname can be at most {limit} characters (this one has {length}).</source>
        <translation>昵称最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="103"/>
        <source>The real name can be at most {limit} characters (this one has {length}).</source>
        <translation>姓名最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="108"/>
        <source>The region can be at most {limit} characters (this one has {length}).</source>
        <translation>地区最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="123"/>
        <source>There is already a customer &quot;{nickname}&quot; on {platform}.</source>
        <translation>{platform} 上已经有客户“{nickname}”了。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="142"/>
        <location filename="../../desk/core/customers/service.py" line="189"/>
        <source>This customer no longer exists.</source>
        <translation>这个客户已不存在。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="144"/>
        <source>&quot;{nickname}&quot; is in the trash; restore them first.</source>
        <translation>“{nickname}”在回收站里，请先恢复。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="235"/>
        <source>This part of the address can be at most {limit} characters (this one has {length}).</source>
        <translation>地址的这一项最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="244"/>
        <source>The street address can be at most {limit} characters (this one has {length}).</source>
        <translation>详细地址最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="249"/>
        <source>The receiver&apos;s name can be at most {limit} characters (this one has {length}).</source>
        <translation>收货人姓名最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="258"/>
        <source>The address is empty.</source>
        <translation>地址是空的。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="298"/>
        <location filename="../../desk/core/customers/service.py" line="324"/>
        <source>This address no longer exists.</source>
        <translation>这个地址已不存在。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/service.py" line="359"/>
        <source>Two of these customers are both &quot;{nickname}&quot; on {platform}; restore only one of them.</source>
        <translation>其中两个客户都是 {platform} 上的“{nickname}”，只能恢复其中一个。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/tags.py" line="24"/>
        <source>The category needs a name.</source>
        <translation>请填写分类名称。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/tags.py" line="25"/>
        <source>A category name can be at most {limit} characters (this one has {length}).</source>
        <translation>分类名称最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/tags.py" line="31"/>
        <source>The tag needs a name.</source>
        <translation>请填写标签名称。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/tags.py" line="32"/>
        <source>A tag name can be at most {limit} characters (this one has {length}).</source>
        <translation>标签名称最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/tags.py" line="39"/>
        <source>A tag description can be at most {limit} characters (this one has {length}).</source>
        <translation>标签说明最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/tags.py" line="48"/>
        <source>There is already a tag category &quot;{name}&quot;.</source>
        <translation>已经有“{name}”这个标签分类了。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/tags.py" line="57"/>
        <source>There is already a tag &quot;{name}&quot;.</source>
        <translation>已经有“{name}”这个标签了。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/tags.py" line="63"/>
        <source>This tag category no longer exists.</source>
        <translation>这个标签分类已不存在。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/tags.py" line="70"/>
        <source>This tag no longer exists.</source>
        <translation>这个标签已不存在。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/tags.py" line="190"/>
        <source>Some of these tags no longer exist; nothing was changed.</source>
        <translation>其中有些标签已不存在，什么都没有修改。</translation>
    </message>
    <message>
        <location filename="../../desk/core/customers/tags.py" line="193"/>
        <source>Some of these customers no longer exist; nothing was changed.</source>
        <translation>其中有些客户已不存在，什么都没有修改。</translation>
    </message>
</context>
</TS>
