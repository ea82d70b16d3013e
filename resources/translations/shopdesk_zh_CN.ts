<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutBox</name>
    <message>
        <source>About ShopDesk</source>
        <translation>关于店铺客服台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ShopDesk {version}&lt;/h3&gt;&lt;p&gt;Customer file, after-sales register and quick replies for a small online shop.&lt;/p&gt;&lt;p&gt;Qt for Python {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;店铺客服台 {version}&lt;/h3&gt;&lt;p&gt;专为小网店打造的客户档案、售后登记与快捷短语工具。&lt;/p&gt;&lt;p&gt;Qt for Python {qt}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AddressDialog</name>
    <message>
        <source>New address</source>
        <translation>新增收货地址</translation>
    </message>
    <message>
        <source>Edit address</source>
        <translation>修改收货地址</translation>
    </message>
    <message>
        <source>13812345678 or 0571-88886666</source>
        <translation>13812345678 或 0571-88886666</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区/县</translation>
    </message>
    <message>
        <source>Street, building, room</source>
        <translation>街道、楼栋、门牌号</translation>
    </message>
    <message>
        <source>Make this the &amp;default address</source>
        <translation>设为默认地址(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Receiver:</source>
        <translation>收货人(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Pro&amp;vince / city / district:</source>
        <translation>省/市/区(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Street address:</source>
        <translation>详细地址(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>AddressesPanel</name>
    <message>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Add add&amp;ress…</source>
        <translation>添加地址(&amp;R)…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>编辑(&amp;I)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <source>Make de&amp;fault</source>
        <translation>设为默认(&amp;F)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Add address</source>
        <translation>添加地址</translation>
    </message>
    <message>
        <source>Edit address</source>
        <translation>修改地址</translation>
    </message>
    <message>
        <source>Remove address</source>
        <translation>删除地址</translation>
    </message>
    <message>
        <source>Make address the default</source>
        <translation>设为默认地址</translation>
    </message>
</context>
<context>
    <name>AftersalesPage</name>
    <message>
        <source>Case</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>售后类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>售后原因</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Refund plus compensation</source>
        <translation>退款加补偿</translation>
    </message>
    <message>
        <source>Search case, order or tracking number, or buyer…</source>
        <translation>搜索售后单号、订单号、快递单号或买家…</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Show or hide the filters</source>
        <translation>显示或隐藏筛选条件</translation>
    </message>
    <message>
        <source>&amp;Open case…</source>
        <translation>打开售后单(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the selected case (Enter, double-click)</source>
        <translation>打开选中的售后单（回车、双击）</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新建售后(&amp;N)…</translation>
    </message>
    <message>
        <source>Open a new after-sales case for a buyer</source>
        <translation>为一位买家新建售后单</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation>列(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Deadlines and reasons…</source>
        <translation>期限与原因(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <source>Filters (%n)</source>
        <translation>
            <numerusform>筛选 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the &amp;buyer…</source>
        <translation>打开买家(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;New case for this buyer…</source>
        <translation>为这位买家新建售后(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Copy case number</source>
        <translation>复制售后单号(&amp;C)</translation>
    </message>
    <message>
        <source>No case matches the search or the filters.</source>
        <translation>没有符合搜索或筛选条件的售后单。</translation>
    </message>
    <message>
        <source>No after-sales cases yet. &lt;a href=&quot;new&quot;&gt;Open a new case…&lt;/a&gt; (Ctrl+N)</source>
        <translation>还没有售后单。&lt;a href=&quot;new&quot;&gt;新建售后…&lt;/a&gt;（Ctrl+N）</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>下一截止时间</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>到期事项</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>责任方</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
</context>
<context>
    <name>AftersalesRulesDialog</name>
    <message>
        <source>Deadlines and reasons</source>
        <translation>期限与原因</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Put this platform&apos;s deadlines back to the shipped values</source>
        <translation>将该平台的期限恢复为出厂设置</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Starts when the case is</source>
        <translation>开始计时的状态</translation>
    </message>
    <message>
        <source>Length (hours)</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>The shop&apos;s own clock</source>
        <translation>店铺自己的处理时限</translation>
    </message>
    <message>
        <source>:00</source>
        <translation>:00</translation>
    </message>
    <message>
        <source>Cases that come in before this hour are to be handled the same day, later ones by the end of the next day</source>
        <translation>在此时间之前收到的售后单当天处理，之后收到的次日结束前处理</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>A deadline this close is shown as soon and notified</source>
        <translation>期限临近到这个程度时显示为“即将到期”并发出提醒</translation>
    </message>
    <message>
        <source>Same-day handling for cases before:</source>
        <translation>当天处理的截止时间：</translation>
    </message>
    <message>
        <source>Warn when a deadline is within:</source>
        <translation>期限前多久提醒：</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Quality fault</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>7-day no-reason</source>
        <translation>七天无理由</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用中</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>售后单数</translation>
    </message>
    <message>
        <source>Name of the reason</source>
        <translation>原因名称</translation>
    </message>
    <message>
        <source>Quality fault (the shop&apos;s fault)</source>
        <translation>质量问题（卖家责任）</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add a reason with this name</source>
        <translation>用这个名称添加原因</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>Give the selected reason this name</source>
        <translation>把选中的原因改成这个名称</translation>
    </message>
    <message>
        <source>&amp;Quality fault on/off</source>
        <translation>切换质量问题(&amp;Q)</translation>
    </message>
    <message>
        <source>Whether the reason is the shop&apos;s fault (who pays return shipping)</source>
        <translation>该原因是否属于卖家责任（决定谁付退货运费）</translation>
    </message>
    <message>
        <source>&amp;7-day no-reason on/off</source>
        <translation>七天无理由 开/关(&amp;7)</translation>
    </message>
    <message>
        <source>Whether new cases with this reason are 7-day no-reason returns (the shorter answer deadline)</source>
        <translation>以此原因新开的售后单是否按七天无理由退货处理（答复期限更短）</translation>
    </message>
    <message>
        <source>&amp;Switch off</source>
        <translation>停用(&amp;S)</translation>
    </message>
    <message>
        <source>A switched-off reason stays on its cases but is no longer offered</source>
        <translation>停用的原因仍保留在已有售后单上，但不再供选择</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete a reason no case uses</source>
        <translation>删除没有售后单使用的原因</translation>
    </message>
    <message>
        <source>A reason that cases use cannot be deleted; switch it off and the form stops offering it.</source>
        <translation>已被售后单使用的原因不能删除；停用后，登记表单就不再提供它。</translation>
    </message>
    <message>
        <source>Whether this deadline runs on the platform&apos;s cases</source>
        <translation>该期限是否对该平台的售后单计时</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source> (7-day no-reason return)</source>
        <translation>（七天无理由退货）</translation>
    </message>
    <message>
        <source> (returned by express)</source>
        <translation>（快递退回）</translation>
    </message>
    <message>
        <source> (returned by surface mail)</source>
        <translation>（平邮退回）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>&amp;Switch on</source>
        <translation>启用(&amp;S)</translation>
    </message>
    <message>
        <source>Change deadline “{name}”</source>
        <translation>修改期限“{name}”</translation>
    </message>
    <message>
        <source>Switch on deadline “{name}”</source>
        <translation>启用期限“{name}”</translation>
    </message>
    <message>
        <source>Switch off deadline “{name}”</source>
        <translation>停用期限“{name}”</translation>
    </message>
    <message>
        <source>Restore the default deadlines of {platform}</source>
        <translation>恢复{platform}的默认期限</translation>
    </message>
    <message>
        <source>Change the same-day cut-off hour</source>
        <translation>修改当天处理的截止时间</translation>
    </message>
    <message>
        <source>Change the deadline warning</source>
        <translation>修改期限提醒时间</translation>
    </message>
    <message>
        <source>Add reason “{name}”</source>
        <translation>添加原因“{name}”</translation>
    </message>
    <message>
        <source>Rename reason “{name}”</source>
        <translation>重命名原因“{name}”</translation>
    </message>
    <message>
        <source>Change the quality flag of “{name}”</source>
        <translation>修改“{name}”的质量问题标记</translation>
    </message>
    <message>
        <source>Change the 7-day no-reason flag of “{name}”</source>
        <translation>更改“{name}”的七天无理由标记</translation>
    </message>
    <message>
        <source>Switch on reason “{name}”</source>
        <translation>启用原因“{name}”</translation>
    </message>
    <message>
        <source>Switch off reason “{name}”</source>
        <translation>停用原因“{name}”</translation>
    </message>
    <message>
        <source>Delete reason “{name}”</source>
        <translation>删除原因“{name}”</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>No seat has backed up the shop on the server for more than a day. Tick &quot;This seat takes the shop&apos;s scheduled backups&quot; in Settings &gt; Team on one seat.</source>
        <translation>已经超过一天没有任何座席备份服务器上的店铺了。请在其中一个座席的“设置 &gt; 团队”里勾选“本座席负责店铺的定时备份”。</translation>
    </message>
    <message>
        <source>The automatic backup of the shop on the server failed: {reason}</source>
        <translation>服务器上店铺的自动备份没有成功：{reason}</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The shop is on a server. These are this seat&apos;s backups of it: by hand, before an import or a restore, and, on the seat that takes the shop&apos;s scheduled backups (Settings &gt; Team), when ShopDesk closes and every few hours. Restoring one replaces the shop on the server for every seat, after a backup of it as it is.</source>
        <translation>店铺在服务器上。这里是本座席为它做的备份：手动备份、导入或恢复之前的备份；负责定时备份的座席（设置 &gt; 团队）还会在店铺客服台关闭时和每隔几小时备份一次。恢复某个备份会替换服务器上的店铺，所有座席都会看到；替换前会先把店铺现在的样子备份下来。</translation>
    </message>
    <message>
        <source>ShopDesk backs up the database when it closes, every few hours while it runs, and before an update or an import. It keeps the last 10, then one a day for a week, one a week for a month and one a month for a year.</source>
        <translation>店铺客服台会在关闭时、运行中每隔几小时、以及升级或导入之前自动备份数据库。保留最近 10 份，之后一周内每天一份、一个月内每周一份、一年内每月一份。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>ShopDesk closed</source>
        <translation>关闭软件时</translation>
    </message>
    <message>
        <source>Every few hours</source>
        <translation>定时备份</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入之前</translation>
    </message>
    <message>
        <source>Before a ShopDesk update</source>
        <translation>软件升级之前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复之前</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backed up and checked: {name}</source>
        <translation>已备份并检查通过：{name}</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the shop&apos;s data with the backup of {when}?

Changes made since then will not be in ShopDesk. The current database is kept in the data folder, so nothing is deleted.</source>
        <translation>用 {when} 的备份替换店铺数据吗？

此后做的修改将不再出现在软件中。当前数据库会保留在数据文件夹里，不会删除任何东西。</translation>
    </message>
    <message>
        <source>Restored the backup of {when}. The previous database is kept as {kept}.</source>
        <translation>已恢复 {when} 的备份。原来的数据库保留为 {kept}。</translation>
    </message>
    <message>
        <source>Replace the shop on the server with the backup of {when}?

Every seat will see the shop as it was then; changes made since will not be in it. The shop as it is now is backed up first, so nothing is lost.</source>
        <translation>用 {when} 的备份替换服务器上的店铺吗？

所有座席看到的店铺都会回到那时的样子，之后做的改动不会保留在里面。店铺现在的样子会先备份下来，所以不会丢失任何东西。</translation>
    </message>
    <message>
        <source>Backing up the shop on the server, then restoring…</source>
        <translation>正在备份服务器上的店铺，然后恢复……</translation>
    </message>
    <message>
        <source>Restored the backup of {when} into the shop on the server. The shop as it was is kept as {kept}.</source>
        <translation>已把 {when} 的备份恢复到服务器上的店铺。恢复前的店铺保存为 {kept}。</translation>
    </message>
    <message>
        <source>Not restored: {reason}</source>
        <translation>没有恢复：{reason}</translation>
    </message>
</context>
<context>
    <name>BuyerPicker</name>
    <message>
        <source>Find the buyer: nickname, phone, order or tracking number…</source>
        <translation>查找买家：昵称、手机号、订单号或物流单号…</translation>
    </message>
    <message>
        <source>Buyer:</source>
        <translation>买家：</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>订单：</translation>
    </message>
    <message>
        <source>No order</source>
        <translation>不关联订单</translation>
    </message>
    <message>
        <source>Not chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <source>{nickname} ({platform})</source>
        <translation>{nickname}（{platform}）</translation>
    </message>
    <message>
        <source>{placed} · {what} · {amount} · {order_no}</source>
        <translation>{placed} · {what} · {amount} · {order_no}</translation>
    </message>
    <message>
        <source>no items</source>
        <translation>无商品明细</translation>
    </message>
    <message>
        <source>{nickname} · {platform} · {phone}</source>
        <translation>{nickname} · {platform} · {phone}</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>The shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>The buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>The carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>The supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>The shop pays the return</source>
        <translation>店铺承担退回运费</translation>
    </message>
    <message>
        <source>The shop pays both ways</source>
        <translation>店铺承担来回运费</translation>
    </message>
    <message>
        <source>The buyer pays the return</source>
        <translation>买家承担退回运费</translation>
    </message>
    <message>
        <source>The buyer pays the return, the shop the replacement</source>
        <translation>买家承担退回运费，店铺免费寄出换货</translation>
    </message>
    <message>
        <source>The buyer pays both ways</source>
        <translation>买家承担来回运费</translation>
    </message>
    <message>
        <source>Nobody pays</source>
        <translation>无需运费</translation>
    </message>
    <message>
        <source>7-day no-reason return</source>
        <translation>七天无理由退货</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>购买数量</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>售后数量</translation>
    </message>
    <message>
        <source>Pick an order to choose its items, or name them below.</source>
        <translation>选择订单后勾选商品，或在下方手动填写。</translation>
    </message>
    <message>
        <source>Item name, then Enter</source>
        <translation>输入商品名称后按回车</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <source>Sold with free shipping</source>
        <translation>包邮商品</translation>
    </message>
    <message>
        <source>Sent back by surface mail</source>
        <translation>平邮寄回</translation>
    </message>
    <message>
        <source>What happened, in the buyer&apos;s words and yours</source>
        <translation>发生了什么：买家的说法和你的记录</translation>
    </message>
    <message>
        <source>As the rule says</source>
        <translation>按规则</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>新建售后单(&amp;O)</translation>
    </message>
    <message>
        <source>Buyer and order</source>
        <translation>买家和订单</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>责任方：</translation>
    </message>
    <message>
        <source>Refund (yuan):</source>
        <translation>退款（元）：</translation>
    </message>
    <message>
        <source>Compensation (yuan):</source>
        <translation>补偿（元）：</translation>
    </message>
    <message>
        <source>Shipping (yuan):</source>
        <translation>运费（元）：</translation>
    </message>
    <message>
        <source>Platform refund number:</source>
        <translation>平台退款编号：</translation>
    </message>
    <message>
        <source>Handler:</source>
        <translation>处理人：</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Return shipping:</source>
        <translation>退货运费：</translation>
    </message>
    <message>
        <source>Who pays:</source>
        <translation>承担方：</translation>
    </message>
    <message>
        <source>Tracking number:</source>
        <translation>物流单号：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>情况说明：</translation>
    </message>
    <message>
        <source>New after-sales case</source>
        <translation>新建售后单</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>处理记录(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Photos</source>
        <translation>照片凭证(&amp;P)</translation>
    </message>
    <message>
        <source>The buyer paid {amount} (shipping {shipping}).</source>
        <translation>买家实付 {amount}（含运费 {shipping}）。</translation>
    </message>
    <message>
        <source>Reissue carrier:</source>
        <translation>补发快递公司：</translation>
    </message>
    <message>
        <source>Return carrier:</source>
        <translation>退回快递公司：</translation>
    </message>
    <message>
        <source>Named by hand; untick it to leave it off the case.</source>
        <translation>手动填写的商品；取消勾选即不计入此售后单。</translation>
    </message>
    <message>
        <source>Case {case_no}</source>
        <translation>售后单 {case_no}</translation>
    </message>
    <message>
        <source>Refund:</source>
        <translation>退款：</translation>
    </message>
    <message>
        <source>Compensation:</source>
        <translation>补偿：</translation>
    </message>
    <message>
        <source>Shipping:</source>
        <translation>运费：</translation>
    </message>
    <message>
        <source>Choose the buyer first: search by nickname, phone or order number.</source>
        <translation>请先选择买家：可按昵称、手机号或订单号查找。</translation>
    </message>
    <message>
        <source>Open after-sales case</source>
        <translation>新建售后单</translation>
    </message>
    <message>
        <source>Edit case {case_no}</source>
        <translation>修改售后单 {case_no}</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open (not settled)</source>
        <translation>未结案</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Any reason</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <source>Anyone responsible</source>
        <translation>全部责任方</translation>
    </message>
    <message>
        <source>Shop&apos;s fault</source>
        <translation>店铺责任</translation>
    </message>
    <message>
        <source>Buyer&apos;s side</source>
        <translation>买家原因</translation>
    </message>
    <message>
        <source>Carrier&apos;s fault</source>
        <translation>快递责任</translation>
    </message>
    <message>
        <source>Supplier&apos;s fault</source>
        <translation>供应商责任</translation>
    </message>
    <message>
        <source>Any platform</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>Any handler</source>
        <translation>全部处理人</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>全部期限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due today or overdue</source>
        <translation>今天到期或已超期</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>发起于</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>CaseSettleDialog</name>
    <message>
        <source>Settle case {case_no}</source>
        <translation>结案：{case_no}</translation>
    </message>
    <message>
        <source>How it ended (optional)</source>
        <translation>处理结果（可不填）</translation>
    </message>
    <message>
        <source>Add a &amp;follow-up on the buyer:</source>
        <translation>给买家添加跟进(&amp;F)：</translation>
    </message>
    <message>
        <source>Ask the buyer to revise the review</source>
        <translation>请买家修改评价</translation>
    </message>
    <message>
        <source>Refund (yuan):</source>
        <translation>退款（元）：</translation>
    </message>
    <message>
        <source>Compensation (yuan):</source>
        <translation>补偿（元）：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>&amp;Settle</source>
        <translation>结案(&amp;S)</translation>
    </message>
    <message>
        <source>Refund:</source>
        <translation>退款：</translation>
    </message>
    <message>
        <source>Compensation:</source>
        <translation>补偿：</translation>
    </message>
</context>
<context>
    <name>CaseStatusPanel</name>
    <message>
        <source>Move to:</source>
        <translation>转为：</translation>
    </message>
    <message>
        <source>S&amp;ettle…</source>
        <translation>结案(&amp;E)…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Add a remark to the history, e.g. what the buyer said on the phone (Ctrl+Enter)</source>
        <translation>在处理记录里添加备注，例如买家电话里说了什么（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Add &amp;remark</source>
        <translation>添加备注(&amp;R)</translation>
    </message>
    <message>
        <source>{case_no} · {nickname}</source>
        <translation>{case_no} · {nickname}</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Opened: {new}</source>
        <translation>新建：{new}</translation>
    </message>
    <message>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <source>Return shipping: {old} → {new}</source>
        <translation>退货运费：{old} → {new}</translation>
    </message>
    <message>
        <source>No deadline running</source>
        <translation>当前没有期限</translation>
    </message>
    <message>
        <source>{what}: {when} ({left})</source>
        <translation>{what}：{when}（{left}）</translation>
    </message>
    <message>
        <source>{span} overdue</source>
        <translation>已超时 {span}</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>还剩 {span}</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} 天 {hours} 小时</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>{title}

Comment (optional):</source>
        <translation>{title}

备注（可不填）：</translation>
    </message>
    <message>
        <source>{case_no}: {status}</source>
        <translation>{case_no}：{status}</translation>
    </message>
    <message>
        <source>Add remark</source>
        <translation>添加备注</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>Which column is which?</source>
        <translation>每一列是什么？</translation>
    </message>
    <message>
        <source>The first line holds the column names</source>
        <translation>第一行是列名</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Column {n}: {name}</source>
        <translation>第 {n} 列：{name}</translation>
    </message>
    <message>
        <source>Column {n}</source>
        <translation>第 {n} 列</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>The first lines, as they will be read:</source>
        <translation>前几行将按如下方式读取：</translation>
    </message>
    <message>
        <source>Choose the column that holds the text.</source>
        <translation>请选择短语内容所在的列。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed meanwhile</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>This was changed by {staff} at {time}, after you opened it.</source>
        <translation>您打开之后，{staff} 在 {time} 修改过这条记录。</translation>
    </message>
    <message>
        <source>This was changed at {time} (on another desk or window), after you opened it.</source>
        <translation>您打开之后，这条记录在 {time} 被修改过（在另一台电脑或另一个窗口）。</translation>
    </message>
    <message>
        <source>Reload shows their version (what you typed here is dropped). Overwrite saves yours over theirs.</source>
        <translation>“重新载入”显示对方改后的内容（您在这里输入的会丢弃）；“用我的覆盖”会以您的内容替换对方的修改。</translation>
    </message>
    <message>
        <source>Overwrite saves yours over theirs; Cancel leaves theirs (open it again to see it).</source>
        <translation>“用我的覆盖”会以您的内容替换对方的修改；“取消”则保留对方的内容（重新打开即可看到）。</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>重新载入对方的(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>用我的覆盖(&amp;O)</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>13812345678 or 0571-88886666</source>
        <translation>13812345678 或 0571-88886666</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Nickname:</source>
        <translation>昵称：</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <source>Real name:</source>
        <translation>真实姓名：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>Back to &amp;automatic</source>
        <translation>恢复自动(&amp;A)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>客户分组</translation>
    </message>
    <message>
        <source>Add a tag (name or pinyin)…</source>
        <translation>添加标签（名称或拼音）…</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>下一个截止时间</translation>
    </message>
    <message>
        <source>After-sales case for this &amp;order…</source>
        <translation>为这笔订单登记售后(&amp;O)…</translation>
    </message>
    <message>
        <source>New after-sales &amp;case…</source>
        <translation>新建售后(&amp;C)…</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Customer: {nickname}</source>
        <translation>客户：{nickname}</translation>
    </message>
    <message>
        <source>Set by hand</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <source>Follows the orders</source>
        <translation>按订单自动调整</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 笔订单</numerusform>
        </translation>
    </message>
    <message>
        <source>Total {money}</source>
        <translation>累计消费 {money}</translation>
    </message>
    <message>
        <source>Average order {money}</source>
        <translation>客单价 {money}</translation>
    </message>
    <message>
        <source>Repeat buyer</source>
        <translation>回头客</translation>
    </message>
    <message numerus="yes">
        <source>%n open case(s)</source>
        <translation>
            <numerusform>%n 个未结售后</numerusform>
        </translation>
    </message>
    <message>
        <source>{category}: click to remove this tag</source>
        <translation>{category}：点击移除此标签</translation>
    </message>
    <message>
        <source>{when} (overdue)</source>
        <translation>{when}（已超时）</translation>
    </message>
    <message numerus="yes">
        <source>After-sales (%n)</source>
        <translation>
            <numerusform>售后 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit “{nickname}”</source>
        <translation>修改“{nickname}”的资料</translation>
    </message>
    <message>
        <source>Move to group “{group}”</source>
        <translation>移到分组“{group}”</translation>
    </message>
    <message>
        <source>Group follows the orders again</source>
        <translation>分组恢复按订单自动调整</translation>
    </message>
    <message>
        <source>No tag &quot;{name}&quot;.</source>
        <translation>没有名为“{name}”的标签。</translation>
    </message>
    <message>
        <source>&amp;Create tag “{name}”…</source>
        <translation>新建标签“{name}”(&amp;C)…</translation>
    </message>
    <message>
        <source>Add tag “{name}”</source>
        <translation>添加标签“{name}”</translation>
    </message>
    <message>
        <source>New tag “{name}”</source>
        <translation>新建标签“{name}”</translation>
    </message>
    <message>
        <source>Remove tag “{name}”</source>
        <translation>移除标签“{name}”</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Nickname</source>
        <translation>买家昵称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Avg. order</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未结售后</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>真实姓名</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Search nickname, name, phone, order no. or pinyin…</source>
        <translation>搜索昵称、姓名、手机、订单号或拼音…</translation>
    </message>
    <message>
        <source>Saved views: a named set of filters and sort order</source>
        <translation>视图：保存下来的一组筛选条件和排序</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Show or hide the filters</source>
        <translation>显示或隐藏筛选条件</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation>加标签…</translation>
    </message>
    <message>
        <source>Tag the selected customers</source>
        <translation>给选中的客户加标签</translation>
    </message>
    <message>
        <source>Remove tag…</source>
        <translation>去标签…</translation>
    </message>
    <message>
        <source>Set group</source>
        <translation>设置分组</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Move the selected customers to the trash</source>
        <translation>把选中的客户移到回收站</translation>
    </message>
    <message>
        <source>Show phones</source>
        <translation>显示手机号</translation>
    </message>
    <message>
        <source>Show full phone numbers</source>
        <translation>显示完整手机号</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>查找重复客户(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>回收站(&amp;T)…</translation>
    </message>
    <message>
        <source>Manage ta&amp;gs…</source>
        <translation>管理标签(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation>显示列(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Automatic (from orders)</source>
        <translation>自动（按订单）</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message numerus="yes">
        <source>Filters (%n)</source>
        <translation>
            <numerusform>筛选（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Name for this view (filters, search and sort):</source>
        <translation>给这个视图起个名字（包含筛选、搜索和排序）：</translation>
    </message>
    <message>
        <source>Delete view “{name}”</source>
        <translation>删除视图“{name}”</translation>
    </message>
    <message numerus="yes">
        <source>Add tags to %n customer(s)</source>
        <translation>
            <numerusform>给 %n 个客户加标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove tags from %n customer(s)</source>
        <translation>
            <numerusform>去掉 %n 个客户的标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the group of %n customer(s)</source>
        <translation>
            <numerusform>设置 %n 个客户的分组</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n customer(s) to the trash? Their orders, notes and cases go with them; you can restore them from the trash (More &gt; Trash…) or undo with Ctrl+Z.</source>
        <translation>
            <numerusform>把 %n 个客户移到回收站？他们的订单、备注和售后记录会一起移走；可以在回收站（更多 &gt; 回收站…）里恢复，或按 Ctrl+Z 撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n customer(s) to the trash</source>
        <translation>
            <numerusform>把 %n 个客户移到回收站</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer matches the search or the filters.</source>
        <translation>没有符合搜索或筛选条件的客户。</translation>
    </message>
    <message>
        <source>No customers yet. &lt;a href=&quot;import&quot;&gt;Import orders…&lt;/a&gt; from your seller centre (Ctrl+I) or add one with &lt;a href=&quot;new&quot;&gt;New customer…&lt;/a&gt; (Ctrl+N).</source>
        <translation>还没有客户。可以从卖家后台&lt;a href=&quot;import&quot;&gt;导入订单…&lt;/a&gt;（Ctrl+I），或者&lt;a href=&quot;new&quot;&gt;新建客户…&lt;/a&gt;（Ctrl+N）。</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>ShopDesk: no shop data in the database</source>
        <translation>店铺客服台：数据库里没有店铺数据</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>the file belongs to another program</source>
        <translation>文件属于别的程序</translation>
    </message>
    <message>
        <source>ShopDesk checks its database when it starts, and this time it found no shop data in it: {what} (a copy that did not finish, a sync tool, or a file replaced by mistake?). ShopDesk does not start an empty shop in its place.

Nothing was deleted: the file was moved aside as
{kept}</source>
        <translation>店铺客服台每次启动都会检查数据库，这次发现里面没有店铺数据：{what}（可能是复制没有完成、同步软件动过它，或文件被误替换）。店铺客服台不会用一个空店铺顶替它。

没有删除任何东西：这个文件已移到一旁，保存为
{kept}</translation>
    </message>
    <message>
        <source>ShopDesk: the database is damaged</source>
        <translation>店铺客服台：数据库已损坏</translation>
    </message>
    <message>
        <source>ShopDesk checks its database when it starts, and this time the check failed: the file is damaged (a power cut, a failing disk, or a copy that did not finish?).

Nothing was deleted: the damaged file was moved aside as
{kept}</source>
        <translation>店铺客服台每次启动都会检查数据库，这次检查没有通过：文件已损坏（可能是断电、硬盘故障，或复制没有完成）。

没有删除任何东西：损坏的文件已移到一边，保存为
{kept}</translation>
    </message>
    <message>
        <source>The newest good backup is from {when}. Changes made after it are not in it.</source>
        <translation>最新的完好备份是 {when} 的，之后做的修改不在其中。</translation>
    </message>
    <message>
        <source>There is no good backup in {folder}.</source>
        <translation>{folder} 中没有完好的备份。</translation>
    </message>
    <message>
        <source>&amp;Restore the newest good backup</source>
        <translation>恢复最新的完好备份(&amp;R)</translation>
    </message>
    <message>
        <source>Start with an &amp;empty database</source>
        <translation>使用空数据库开始(&amp;E)</translation>
    </message>
    <message>
        <source>Open the data &amp;folder</source>
        <translation>打开数据文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>ShopDesk</source>
        <translation>店铺客服台</translation>
    </message>
    <message>
        <source>The backup was restored. ShopDesk opens it now.</source>
        <translation>备份已恢复，现在打开。</translation>
    </message>
</context>
<context>
    <name>Deadline</name>
    <message>
        <source>Answer the refund request</source>
        <translation>处理买家的退款申请</translation>
    </message>
    <message>
        <source>Answer the no-reason return request</source>
        <translation>处理七天无理由退货申请</translation>
    </message>
    <message>
        <source>Buyer sends the item back</source>
        <translation>等买家寄回商品</translation>
    </message>
    <message>
        <source>Confirm receipt of the return</source>
        <translation>确认收到退货</translation>
    </message>
    <message>
        <source>Confirm receipt of the return (surface mail)</source>
        <translation>确认收到退货（平邮）</translation>
    </message>
    <message>
        <source>Buyer answers the refusal</source>
        <translation>等买家回应拒绝</translation>
    </message>
    <message>
        <source>Buyer can revise the review</source>
        <translation>买家可修改评价的期限</translation>
    </message>
    <message>
        <source>Shop&apos;s own handling target</source>
        <translation>本店处理时限</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Duplicate customers</source>
        <translation>重复客户</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>买家昵称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>Select two customers of this group (Ctrl+click) to merge them.</source>
        <translation>在这一组里选中两位客户（按住 Ctrl 点击）即可合并。</translation>
    </message>
    <message>
        <source>Orders:</source>
        <translation>订单：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Tags the kept one does not have yet:</source>
        <translation>保留的客户还没有的标签：</translation>
    </message>
    <message>
        <source>After-sales cases:</source>
        <translation>售后单：</translation>
    </message>
    <message>
        <source>Follow-ups:</source>
        <translation>跟进：</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <source>What moves to the kept customer:</source>
        <translation>将转到保留客户名下的内容：</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>No likely duplicates: no two customers share a phone number, or a nickname on different platforms.</source>
        <translation>没有疑似重复的客户：没有两位客户用同一个手机号，也没有在不同平台上同名的客户。</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of customers look like the same buyer. Select two customers of a group, choose the one to keep, and merge them.</source>
        <translation>
            <numerusform>有 %n 组客户看起来是同一位买家。在一组里选中两位客户，选好保留哪一位，再合并。</numerusform>
        </translation>
    </message>
    <message>
        <source>same phone {phone}</source>
        <translation>手机号相同 {phone}</translation>
    </message>
    <message>
        <source>same nickname</source>
        <translation>昵称相同</translation>
    </message>
    <message>
        <source>same nickname “{nickname}” on different platforms</source>
        <translation>不同平台上昵称都是“{nickname}”</translation>
    </message>
    <message>
        <source>Why they look alike: {why}</source>
        <translation>疑似重复的原因：{why}</translation>
    </message>
    <message>
        <source>Keep “{nickname}” ({platform})</source>
        <translation>保留“{nickname}”（{platform}）</translation>
    </message>
    <message>
        <source>“{drop}” ({drop_platform}) is merged into “{keep}” ({keep_platform}) and goes to the trash. Where “{keep}” has no real name, phone or region, it takes those of “{drop}”.</source>
        <translation>“{drop}”（{drop_platform}）将并入“{keep}”（{keep_platform}），随后移到回收站。“{keep}”没填的真实姓名、手机号或地区，会用“{drop}”的补上。</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Merge “{drop}” into “{keep}”?</source>
        <translation>把“{drop}”合并到“{keep}”吗？</translation>
    </message>
    <message>
        <source>Their orders, notes, tags, cases, follow-ups and addresses move to “{keep}”, and “{drop}” goes to the trash. You can take it back with Undo (Ctrl+Z).</source>
        <translation>订单、备注、标签、售后单、跟进和地址都会转到“{keep}”名下，“{drop}”移到回收站。可以用撤销（Ctrl+Z）恢复原样。</translation>
    </message>
    <message>
        <source>Merge “{drop}” into “{keep}”</source>
        <translation>把“{drop}”合并到“{keep}”</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>ShopDesk</source>
        <translation>店铺客服台</translation>
    </message>
    <message>
        <source>Something went wrong. ShopDesk keeps running and your saved work is safe. The details are in the log (Help &gt; Open log).</source>
        <translation>程序出错了。店铺客服台仍在运行，已保存的数据不会丢失。详细信息见日志（帮助 &gt; 打开日志）。</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Damage</source>
        <translation>破损</translation>
    </message>
    <message>
        <source>Outer packaging</source>
        <translation>外包装</translation>
    </message>
    <message>
        <source>Packing slip</source>
        <translation>面单/发货单</translation>
    </message>
    <message>
        <source>Chat screenshot</source>
        <translation>聊天截图</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>No photos yet. Add the buyer&apos;s photos of the damage, the outer packaging and the packing slip, or paste a chat screenshot (Ctrl+V).</source>
        <translation>还没有照片。请添加买家拍的破损处、外包装和面单照片，或直接粘贴聊天截图（Ctrl+V）。</translation>
    </message>
    <message>
        <source>&amp;Add photos…</source>
        <translation>添加照片(&amp;A)…</translation>
    </message>
    <message>
        <source>Evidence &amp;pack…</source>
        <translation>打包凭证(&amp;P)…</translation>
    </message>
    <message>
        <source>One zip with the photos, an Excel index and the case summary, for uploading to the platform</source>
        <translation>把照片、Excel 清单和售后单摘要打成一个 zip，方便上传给平台</translation>
    </message>
    <message>
        <source>Caption, e.g. corner of the box crushed</source>
        <translation>说明，例如：箱子一角被压扁</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Move the selected photos to the trash (Del)</source>
        <translation>把选中的照片移到回收站（Del）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>as</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Ca&amp;ption:</source>
        <translation>说明(&amp;P)：</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（文件丢失）</translation>
    </message>
    <message>
        <source>%1 · %2 × %3 · %4 KB</source>
        <translation>%1 · %2 × %3 · %4 KB</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>添加于 %1</translation>
    </message>
    <message>
        <source>The file is missing from the photos folder.</source>
        <translation>照片文件夹里找不到这个文件。</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Pictures (%1);;All files (*)</source>
        <translation>图片 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Still adding the last photos; try again in a moment.</source>
        <translation>上一批照片还在添加，请稍后再试。</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n photo(s)…</source>
        <translation>
            <numerusform>正在添加 %n 张照片…</numerusform>
        </translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>正在添加…</translation>
    </message>
    <message>
        <source>Adding was cancelled; no photos were added.</source>
        <translation>已取消，没有添加任何照片。</translation>
    </message>
    <message numerus="yes">
        <source>Add %n photo(s)</source>
        <translation>
            <numerusform>添加 %n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n photo(s).</source>
        <translation>
            <numerusform>已添加 %n 张照片。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) were already on this case.</source>
        <translation>
            <numerusform>有 %n 张照片这个售后单里已经有了。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be added.</source>
        <translation>
            <numerusform>有 %n 个文件没能添加。</numerusform>
        </translation>
    </message>
    <message>
        <source>Photos not added</source>
        <translation>照片未添加</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be added:</source>
        <translation>
            <numerusform>有 %n 个文件没能添加：</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no picture. Copy a screenshot or a photo file first.</source>
        <translation>剪贴板里没有图片。请先复制截图或照片文件。</translation>
    </message>
    <message>
        <source>Only a link to the picture came across. Save the picture to your computer first, then drag the file here.</source>
        <translation>拖过来的只是图片链接。请先把图片保存到电脑上，再把文件拖到这里。</translation>
    </message>
    <message numerus="yes">
        <source>Change the kind of %n photo(s)</source>
        <translation>
            <numerusform>修改 %n 张照片的类型</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit caption</source>
        <translation>修改说明</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n photo(s)</source>
        <translation>
            <numerusform>移除 %n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n photo(s) to the trash (Ctrl+Z brings them back).</source>
        <translation>
            <numerusform>已把 %n 张照片移到回收站（按 Ctrl+Z 可恢复）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Case</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>责任方</translation>
    </message>
    <message>
        <source>Refund (yuan)</source>
        <translation>退款（元）</translation>
    </message>
    <message>
        <source>Compensation (yuan)</source>
        <translation>补偿（元）</translation>
    </message>
    <message>
        <source>Shipping (yuan)</source>
        <translation>运费（元）</translation>
    </message>
    <message>
        <source>Platform refund number</source>
        <translation>平台退款编号</translation>
    </message>
    <message>
        <source>Return tracking number</source>
        <translation>退货物流单号</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>情况描述</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Time added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256 校验值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>missing from disk, not in this pack</source>
        <translation>磁盘上找不到此文件，未打包</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商/厂家</translation>
    </message>
    <message>
        <source>Save evidence pack</source>
        <translation>保存凭证包</translation>
    </message>
    <message>
        <source>evidence.zip</source>
        <translation>售后凭证.zip</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Evidence pack saved: %1</source>
        <translation>凭证包已保存：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) are missing from disk and are only listed.</source>
        <translation>
            <numerusform>有 %n 张照片在磁盘上找不到，只在清单里列出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the evidence pack…</source>
        <translation>正在生成凭证包…</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>真实姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>已付款订单</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Average order</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>首次下单</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>After-sales cases</source>
        <translation>售后单数</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未结售后</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Receiver phone</source>
        <translation>收货人手机</translation>
    </message>
    <message>
        <source>Buyer message</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>责任方</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>补偿金额</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>下一个截止时间</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片数</translation>
    </message>
    <message>
        <source>Return tracking number</source>
        <translation>退货单号</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Quick replies</source>
        <translation>快捷短语</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Times used</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最近使用</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Everything (a sheet each)</source>
        <translation>全部（每类一个工作表）</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>After-sales cases</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Quick replies</source>
        <translation>快捷短语</translation>
    </message>
    <message>
        <source>ShopDesk data</source>
        <translation>店铺客服台数据</translation>
    </message>
    <message>
        <source>All rows in the list (its filter and order)</source>
        <translation>列表中的全部行（按当前筛选和排序）</translation>
    </message>
    <message numerus="yes">
        <source>Only the %n selected row(s)</source>
        <translation>
            <numerusform>仅选中的 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Mask phone numbers (138****1234)</source>
        <translation>隐藏手机号中间四位(&amp;M)（138****1234）</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>导出内容(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>行(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Choose a file name in an existing folder.</source>
        <translation>请在已有的文件夹中选择文件名。</translation>
    </message>
    <message>
        <source>Exporting to Excel…</source>
        <translation>正在导出到 Excel…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {path}</source>
        <translation>
            <numerusform>已导出 %n 行到 {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Any platform</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>Any group</source>
        <translation>全部分组</translation>
    </message>
    <message>
        <source>any of</source>
        <translation>含任一</translation>
    </message>
    <message>
        <source>all of</source>
        <translation>全都含</translation>
    </message>
    <message>
        <source>none of</source>
        <translation>都不含</translation>
    </message>
    <message>
        <source>Open after-sales case</source>
        <translation>有未结售后</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>有到期跟进</translation>
    </message>
    <message>
        <source>Risk flag</source>
        <translation>有风险标记</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Spend ¥</source>
        <translation>消费 ¥</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>首单</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>选择…</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to ShopDesk</source>
        <translation>欢迎使用店铺客服台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome to ShopDesk&lt;/h3&gt;&lt;p&gt;Your customer file, after-sales cases and quick replies, in one place.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;欢迎使用店铺客服台&lt;/h3&gt;&lt;p&gt;客户档案、售后登记和快捷短语，都在这里。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>As buyers see it, e.g. 暖暖小铺</source>
        <translation>买家看到的店名，例如 暖暖小铺</translation>
    </message>
    <message>
        <source>Quick replies fill it in where a phrase says {shop_name}</source>
        <translation>快捷短语里写着 {shop_name} 的地方会自动填上它</translation>
    </message>
    <message>
        <source>Recorded on the cases, notes and follow-ups you write</source>
        <translation>会记在您经手的售后单、备注和跟进上</translation>
    </message>
    <message>
        <source>&amp;Shop name:</source>
        <translation>店铺名(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>您的名字(&amp;Y)：</translation>
    </message>
    <message>
        <source>Both can be changed later in Settings.</source>
        <translation>两项以后都可以在“设置”里修改。</translation>
    </message>
    <message>
        <source>How would you like to begin?</source>
        <translation>想从哪里开始？</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <source>Add buyers and cases as they come.</source>
        <translation>有新买家或新售后时再逐条添加。</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>加载演示数据</translation>
    </message>
    <message>
        <source>A made-up shop with 2,000 buyers to try everything out.</source>
        <translation>一家虚构的店铺，含 2000 位买家，可随意试用各项功能。</translation>
    </message>
    <message>
        <source>Import an order export…</source>
        <translation>导入订单报表…</translation>
    </message>
    <message>
        <source>Fill the customer file from the orders you download from the seller centre.</source>
        <translation>用从卖家中心下载的订单报表建立客户档案。</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <source>Follow-up for {nickname}</source>
        <translation>为 {nickname} 添加跟进</translation>
    </message>
    <message>
        <source>Edit follow-up for {nickname}</source>
        <translation>修改 {nickname} 的跟进</translation>
    </message>
    <message>
        <source>e.g. Remind them to pay; call back about the exchange</source>
        <translation>例如：提醒付款；回访换货情况</translation>
    </message>
    <message>
        <source>In 1 hour</source>
        <translation>1 小时后</translation>
    </message>
    <message>
        <source>Tonight 20:00</source>
        <translation>今晚 20:00</translation>
    </message>
    <message>
        <source>Tomorrow 10:00</source>
        <translation>明天 10:00</translation>
    </message>
    <message>
        <source>In 3 days</source>
        <translation>3 天后</translation>
    </message>
    <message>
        <source>&amp;Follow up:</source>
        <translation>跟进事项(&amp;F)：</translation>
    </message>
    <message>
        <source>D&amp;ue:</source>
        <translation>到期时间(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>Followups</name>
    <message>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>1 小时后再提醒</translation>
    </message>
    <message>
        <source>Until tonight 20:00</source>
        <translation>今晚 20:00 再提醒</translation>
    </message>
    <message>
        <source>Until tomorrow morning</source>
        <translation>明天上午再提醒</translation>
    </message>
    <message>
        <source>Until next week</source>
        <translation>下周一上午再提醒</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>添加跟进</translation>
    </message>
    <message>
        <source>Edit follow-up</source>
        <translation>修改跟进</translation>
    </message>
</context>
<context>
    <name>FollowupsPanel</name>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>No follow-ups yet. Add one to be reminded of this buyer.</source>
        <translation>还没有跟进。添加一条，到时间会提醒你联系这位买家。</translation>
    </message>
    <message>
        <source>Add follo&amp;w-up…</source>
        <translation>添加跟进(&amp;W)…</translation>
    </message>
    <message>
        <source>Edi&amp;t…</source>
        <translation>修改(&amp;T)…</translation>
    </message>
    <message>
        <source>Mar&amp;k done</source>
        <translation>标记完成(&amp;K)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Snoo&amp;ze</source>
        <translation>稍后提醒(&amp;Z)</translation>
    </message>
    <message>
        <source>Done {when} by {staff}</source>
        <translation>{staff} 于 {when} 完成</translation>
    </message>
    <message>
        <source>Done {when}</source>
        <translation>{when} 已完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Mar&amp;k not done</source>
        <translation>改回未完成(&amp;K)</translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message numerus="yes">
        <source>%n phrase(s)</source>
        <translation>
            <numerusform>%n 条短语</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import phrases from {name}</source>
        <translation>从 {name} 导入短语</translation>
    </message>
    <message>
        <source>New group “{name}”</source>
        <translation>新分组“{name}”</translation>
    </message>
    <message>
        <source>Put the phrases into:</source>
        <translation>导入到分组：</translation>
    </message>
    <message>
        <source>Show only the lines with errors</source>
        <translation>只显示有错误的行</translation>
    </message>
    <message>
        <source>Skip the lines with errors and import the rest</source>
        <translation>跳过有错误的行，导入其余的</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new</source>
        <translation>
            <numerusform>新增 %Ln 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed</source>
        <translation>
            <numerusform>修改 %Ln 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s), left out</source>
        <translation>
            <numerusform>重复 %Ln 条（不导入）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>错误 %Ln 条</numerusform>
        </translation>
    </message>
    <message>
        <source>New groups: {names}</source>
        <translation>新分组：{names}</translation>
    </message>
    <message>
        <source>Read as {encoding}.</source>
        <translation>按 {encoding} 编码读取。</translation>
    </message>
    <message>
        <source>Rows without a group go into:</source>
        <translation>没有分组的行导入到：</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取这个文件。</translation>
    </message>
    <message>
        <source>Importing phrases…</source>
        <translation>正在导入短语…</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品明细</translation>
    </message>
    <message>
        <source>Buyer&apos;s phone</source>
        <translation>买家手机</translation>
    </message>
    <message>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <source>The order export from the seller centre (.csv or .xlsx), or a customer list ShopDesk exported</source>
        <translation>从卖家中心导出的订单文件（.csv 或 .xlsx），或本软件导出的客户表</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Recognise from the columns</source>
        <translation>根据列名自动识别</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>Choose a file to see what it would change.</source>
        <translation>选择文件后，这里会显示导入将带来的变化。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>After the import</source>
        <translation>导入后</translation>
    </message>
    <message>
        <source>Why it cannot be used</source>
        <translation>无法使用的原因</translation>
    </message>
    <message>
        <source>&lt;p&gt;Export your orders from the seller centre (Taobao/Tmall, Pinduoduo, JD or Douyin) as .csv or .xlsx, then choose the file above with &lt;b&gt;Browse…&lt;/b&gt;. A customer list ShopDesk exported can be read back the same way.&lt;/p&gt;&lt;p&gt;Nothing is written until you have seen what the file would change and clicked &lt;b&gt;Import&lt;/b&gt;; a backup is made first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;先在卖家后台（淘宝/天猫、拼多多、京东或抖店）把订单导出成 .csv 或 .xlsx 文件，再点上方的&lt;b&gt;浏览…&lt;/b&gt;选中它。店铺客服台导出的客户表也可以用同样的方法读回来。&lt;/p&gt;&lt;p&gt;导入前会先列出这个文件会带来哪些变动，您点了&lt;b&gt;导入&lt;/b&gt;才会真正写入，写入前还会自动备份一次。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>P&amp;latform:</source>
        <translation>平台(&amp;L)：</translation>
    </message>
    <message>
        <source>Order exports (*.csv *.xlsx *.xls *.ods *.xlsm *.xlsb);;All files (*)</source>
        <translation>订单导出文件 (*.csv *.xlsx *.xls *.ods *.xlsm *.xlsb);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>A customer list exported by ShopDesk. New customers: {nc}. Updated customers: {uc}. Unchanged: {un}. Rows that cannot be used: {bad}.</source>
        <translation>这是店铺客服台导出的客户表。新客户：{nc}。更新的客户：{uc}。不变：{un}。无法使用的行：{bad}。</translation>
    </message>
    <message>
        <source>Platform: {platform}</source>
        <translation>平台：{platform}</translation>
    </message>
    <message>
        <source>New customers: {nc}    Updated customers: {uc}</source>
        <translation>新客户：{nc}    更新的客户：{uc}</translation>
    </message>
    <message>
        <source>New orders: {no}    Updated orders: {uo}    Unchanged orders: {un}</source>
        <translation>新订单：{no}    更新的订单：{uo}    没有变化的订单：{un}</translation>
    </message>
    <message>
        <source>Rows that cannot be used: {bad}</source>
        <translation>无法使用的行：{bad}</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新订单</translation>
    </message>
    <message>
        <source>{status}, {amount}</source>
        <translation>{status}，{amount}</translation>
    </message>
    <message>
        <source>The table shows the first {shown} of {total} changes.</source>
        <translation>下表只列出 {total} 项变化中的前 {shown} 项。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Another seat is importing orders into the shop. This import starts when that one has finished…</source>
        <translation>另一台电脑正在往店里导入订单，等它导完，这次导入会自动开始…</translation>
    </message>
</context>
<context>
    <name>ImportField</name>
    <message>
        <source>Order number</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <source>Buyer nickname</source>
        <translation>买家昵称</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Receiver phone</source>
        <translation>收货人手机</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Time placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Time paid</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Time shipped</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <source>Time completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Item title</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Item options</source>
        <translation>商品规格</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Buyer message</source>
        <translation>买家留言</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <source>Tmall</source>
        <translation>天猫</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>JD</source>
        <translation>京东</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>待付款</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>等待买家付款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>买家已付款</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>交易成功</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation>补发</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation>退差价/补偿</translation>
    </message>
    <message>
        <source>New</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Awaiting return</source>
        <translation>等待买家退货</translation>
    </message>
    <message>
        <source>On its way back</source>
        <translation>退货途中</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收到退货</translation>
    </message>
    <message>
        <source>Refund/reissue under way</source>
        <translation>退款/补发中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Many returns</source>
        <translation>售后多</translation>
    </message>
    <message>
        <source>Review risk</source>
        <translation>差评风险</translation>
    </message>
    <message>
        <source>Risk tag</source>
        <translation>风险标签</translation>
    </message>
    <message>
        <source>Tagged as likely to leave a bad review.</source>
        <translation>带有“差评型”标签，可能给差评。</translation>
    </message>
    <message>
        <source>Has a tag from the risk category.</source>
        <translation>带有“风险”分类里的标签。</translation>
    </message>
    <message>
        <source>Orders without paying</source>
        <translation>拍下不买</translation>
    </message>
    <message>
        <source>Inquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Many after-sales cases for the orders paid.</source>
        <translation>相对已付款订单，售后次数偏多。</translation>
    </message>
    <message>
        <source>Has placed orders and never paid them.</source>
        <translation>多次拍下后没有付款。</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>LintDialog</name>
    <message>
        <source>Check phrases</source>
        <translation>检查短语</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Double-click a row to edit the phrase.</source>
        <translation>双击一行可编辑该短语。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>发现 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems found: every phrase looks fine.</source>
        <translation>没有发现问题，所有短语都没问题。</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>共 %Ln 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ShopDesk</source>
        <translation>店铺客服台</translation>
    </message>
    <message>
        <source>Quick replies palette</source>
        <translation>快捷短语面板</translation>
    </message>
    <message>
        <source>Show ShopDesk</source>
        <translation>显示店铺客服台</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>Quick replies</source>
        <translation>快捷短语</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) due today or overdue</source>
        <translation>
            <numerusform>今日到期或已逾期的跟进：%n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case deadline(s) today or overdue</source>
        <translation>
            <numerusform>%n 个售后期限今天到期或已超期</numerusform>
        </translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>数据文件夹：{folder}</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>还有 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) due</source>
        <translation>
            <numerusform>%n 条跟进到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case deadline(s) coming up</source>
        <translation>
            <numerusform>%n 个售后期限快到了</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n 条提醒</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Bac&amp;kups…</source>
        <translation>备份管理(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Quick replies &amp;palette…</source>
        <translation>快捷短语面板(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>Open &amp;log</source>
        <translation>打开日志(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About ShopDesk</source>
        <translation>关于店铺客服台(&amp;A)</translation>
    </message>
    <message>
        <source>Imported {new} new and {updated} updated orders, {buyers} new customers</source>
        <translation>已导入 {new} 个新订单、更新 {updated} 个订单，新增 {buyers} 位客户</translation>
    </message>
    <message>
        <source>Imported {buyers} new and {changed} updated customers</source>
        <translation>已导入 {buyers} 位新客户，更新 {changed} 位客户</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>Loading demo data…</source>
        <translation>正在加载演示数据…</translation>
    </message>
    <message>
        <source>Demo data loaded: {n} customers</source>
        <translation>演示数据已加载：{n} 位客户</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Choose the columns</source>
        <translation>选择列</translation>
    </message>
    <message>
        <source>ShopDesk does not know this file&apos;s layout. Say which row holds the column names and which column holds each field; save the choice as a preset to import files like this one directly next time.</source>
        <translation>店铺客服台不认识这个文件的格式。请指出哪一行是列名、每项信息在哪一列；保存为预设后，下次同样格式的文件可直接导入。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Header row:</source>
        <translation>列名所在行(&amp;H)：</translation>
    </message>
    <message>
        <source>P&amp;latform:</source>
        <translation>平台(&amp;L)：</translation>
    </message>
    <message>
        <source>Name, to save as a preset (optional)</source>
        <translation>预设名称（可选，填写后保存）</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>保存为(&amp;S)：</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— 文件中没有 —</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>The buyer&apos;s name on the platform</source>
        <translation>买家在平台上的昵称</translation>
    </message>
    <message>
        <source>Mobile or landline, optional</source>
        <translation>手机或座机，可不填</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>平台(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Nickname</source>
        <translation>昵称(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Real name</source>
        <translation>真实姓名(&amp;R)</translation>
    </message>
</context>
<context>
    <name>NewTagDialog</name>
    <message>
        <source>New tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>分类(&amp;C)：</translation>
    </message>
    <message>
        <source>There is no tag category to put the tag in.</source>
        <translation>还没有可以放入的标签分类。</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Write a note about this customer…</source>
        <translation>写一条关于这位客户的备注…</translation>
    </message>
    <message>
        <source>&amp;Linked to:</source>
        <translation>关联到(&amp;L)：</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>添加备注(&amp;N)</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>置顶(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Pinned · {when}</source>
        <translation>置顶 · {when}</translation>
    </message>
    <message>
        <source>Order {order_no}</source>
        <translation>订单 {order_no}</translation>
    </message>
    <message>
        <source>Case {case_no}</source>
        <translation>售后单 {case_no}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Case {case_no} ({kind})</source>
        <translation>售后单 {case_no}（{kind}）</translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation>取消置顶(&amp;P)</translation>
    </message>
    <message>
        <source>Save &amp;note</source>
        <translation>保存备注(&amp;N)</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>修改备注</translation>
    </message>
    <message>
        <source>Unpin note</source>
        <translation>取消置顶备注</translation>
    </message>
    <message>
        <source>Pin note</source>
        <translation>置顶备注</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>删除备注</translation>
    </message>
    <message>
        <source>Note deleted.</source>
        <translation>备注已删除。</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Quick replies</source>
        <translation>快捷短语</translation>
    </message>
    <message>
        <source>Code, words of the text or pinyin initials…</source>
        <translation>编码、内容里的字词或拼音首字母…</translation>
    </message>
    <message>
        <source>No buyer selected: their details are asked for below</source>
        <translation>未选择买家：缺少的内容请在下方填写</translation>
    </message>
    <message>
        <source>For {nickname} · case {case} · order {order}</source>
        <translation>发给 {nickname} · 售后 {case} · 订单 {order}</translation>
    </message>
    <message>
        <source>For {nickname} · case {case}</source>
        <translation>发给 {nickname} · 售后 {case}</translation>
    </message>
    <message>
        <source>For {nickname} · order {order}</source>
        <translation>发给 {nickname} · 订单 {order}</translation>
    </message>
    <message>
        <source>For {nickname}</source>
        <translation>发给 {nickname}</translation>
    </message>
    <message>
        <source>Fill in the marked values to copy, or choose a phrase without them</source>
        <translation>填好标红的内容才能复制，或改选不需要它们的短语</translation>
    </message>
    <message>
        <source>↑↓ choose   Enter copy   Esc close</source>
        <translation>↑↓ 选择   Enter 复制   Esc 关闭</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Quick replies palette…</source>
        <translation>快捷短语面板…</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一张</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一张 ▶</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Rotate 90°</source>
        <translation>旋转 90°</translation>
    </message>
    <message>
        <source>Photo %1 of %2</source>
        <translation>第 %1 张，共 %2 张</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>This photo is missing from the photos folder.</source>
        <translation>照片文件夹里找不到这张照片。</translation>
    </message>
</context>
<context>
    <name>PhraseDialog</name>
    <message>
        <source>Edit phrase</source>
        <translation>编辑短语</translation>
    </message>
    <message>
        <source>New phrase</source>
        <translation>新建短语</translation>
    </message>
    <message>
        <source>e.g. hy (optional)</source>
        <translation>例如 hy（可不填）</translation>
    </message>
    <message>
        <source>Insert placeholder</source>
        <translation>插入占位符</translation>
    </message>
    <message>
        <source>Choose picture…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>不带图片</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Picture:</source>
        <translation>图片：</translation>
    </message>
    <message>
        <source>Preview for {nickname}:</source>
        <translation>预览（发给 {nickname}）：</translation>
    </message>
    <message>
        <source>Preview (no buyer selected in ShopDesk):</source>
        <translation>预览（ShopDesk 里没有选中买家）：</translation>
    </message>
    <message>
        <source>Buyer&apos;s nickname</source>
        <translation>买家昵称</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名</translation>
    </message>
    <message>
        <source>Today&apos;s date</source>
        <translation>今天的日期</translation>
    </message>
    <message>
        <source>Time now</source>
        <translation>当前时间</translation>
    </message>
    <message>
        <source>What is on the clipboard</source>
        <translation>剪贴板里的内容</translation>
    </message>
    <message>
        <source>Asked when sent…</source>
        <translation>发送时再填…</translation>
    </message>
    <message>
        <source>Asked when sent</source>
        <translation>发送时再填</translation>
    </message>
    <message>
        <source>What to ask for when the phrase is sent (e.g. 优惠金额):</source>
        <translation>发送短语时要填写的内容（例如 优惠金额）：</translation>
    </message>
    <message>
        <source>Unknown placeholder: {names}. Known ones: {known}; {{?label}} asks when the phrase is sent.</source>
        <translation>无法识别的占位符：{names}。可用的有：{known}；{{?名称}} 会在发送时询问。</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
</context>
<context>
    <name>PhrasesModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Sent with a picture</source>
        <translation>发送时附带图片</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Replaces the text of the phrase with this code</source>
        <translation>替换同一编码短语的内容</translation>
    </message>
    <message>
        <source>Already in the group; left as it is</source>
        <translation>分组里已有，保持不变</translation>
    </message>
</context>
<context>
    <name>PromptDialog</name>
    <message>
        <source>Fill in the phrase</source>
        <translation>填写短语</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RepliesPage</name>
    <message>
        <source>Quick replies</source>
        <translation>快捷短语</translation>
    </message>
    <message>
        <source>Search code, text or pinyin initials…</source>
        <translation>搜索编码、内容或拼音首字母…</translation>
    </message>
    <message>
        <source>Fill in and copy to the clipboard (Enter)</source>
        <translation>填好后复制到剪贴板（Enter）</translation>
    </message>
    <message>
        <source>&amp;New phrase…</source>
        <translation>新建短语(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Insert above…</source>
        <translation>在上方插入(&amp;I)…</translation>
    </message>
    <message>
        <source>Add a phrase above the selected one</source>
        <translation>在选中的短语上方添加一条</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <source>D&amp;uplicate phrase</source>
        <translation>再建一条副本(&amp;U)</translation>
    </message>
    <message>
        <source>Add a copy of the phrase under it, to change</source>
        <translation>在下方新建一条相同的短语，方便改成别的说法</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move to group</source>
        <translation>移到分组</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Check phrases…</source>
        <translation>检查短语(&amp;C)…</translation>
    </message>
    <message>
        <source>Load &amp;starter phrases…</source>
        <translation>载入入门短语库(&amp;S)…</translation>
    </message>
    <message>
        <source>Add a group</source>
        <translation>添加分组</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename the group</source>
        <translation>重命名分组</translation>
    </message>
    <message>
        <source>Move the group up</source>
        <translation>分组上移</translation>
    </message>
    <message>
        <source>Move the group down</source>
        <translation>分组下移</translation>
    </message>
    <message>
        <source>Delete the group and its phrases</source>
        <translation>删除分组及其中的短语</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No quick replies yet&lt;/h3&gt;&lt;p&gt;Start from about a hundred ready-made phrases for every step of a chat (greeting, bargaining, shipping, after-sales…) and change them to suit your shop, or write your own with New phrase.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;还没有快捷短语&lt;/h3&gt;&lt;p&gt;可以先载入约一百条现成短语，覆盖聊天的每个环节（打招呼、议价、物流、售后…），再按自己店铺的情况修改；也可以点“新建短语”自己写。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Load the starter phrases</source>
        <translation>载入入门短语库</translation>
    </message>
    <message numerus="yes">
        <source>%Ln phrase(s)</source>
        <translation>
            <numerusform>%Ln 条短语</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete phrase</source>
        <translation>删除短语</translation>
    </message>
    <message>
        <source>Phrase deleted (Ctrl+Z brings it back)</source>
        <translation>短语已删除（按 Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>Duplicate phrase</source>
        <translation>再建短语副本</translation>
    </message>
    <message>
        <source>Move phrase</source>
        <translation>移动短语</translation>
    </message>
    <message>
        <source>Move phrase to “{group}”</source>
        <translation>把短语移到“{group}”</translation>
    </message>
    <message>
        <source>Moved to “{group}”</source>
        <translation>已移到“{group}”</translation>
    </message>
    <message>
        <source>Name of the new group:</source>
        <translation>新分组的名称：</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>添加分组</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>重命名分组</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Move group</source>
        <translation>移动分组</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>删除分组</translation>
    </message>
    <message numerus="yes">
        <source>Delete the group “{name}” and its %n phrase(s)? Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>删除分组“{name}”及其中的 %n 条短语吗？按 Ctrl+Z 可恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete group “{name}”</source>
        <translation>删除分组“{name}”</translation>
    </message>
    <message>
        <source>Load starter phrases</source>
        <translation>载入入门短语库</translation>
    </message>
    <message>
        <source>Add the starter phrases that came with ShopDesk to your library? Phrases whose text you already have are left out.</source>
        <translation>把 ShopDesk 自带的入门短语添加到你的短语库吗？内容已经有的短语不会重复添加。</translation>
    </message>
    <message numerus="yes">
        <source>%n starter phrase(s) added</source>
        <translation>
            <numerusform>已添加 %n 条入门短语</numerusform>
        </translation>
    </message>
    <message>
        <source>Import phrases</source>
        <translation>导入短语</translation>
    </message>
    <message>
        <source>Phrase files (*.xlsx *.xls *.ods *.txt *.ini *.csv *.tsv);;Spreadsheets (*.xlsx *.xls *.ods *.xlsm *.xlsb);;Sogou phrase file (*.txt *.ini);;CSV (*.csv *.tsv);;All files (*)</source>
        <translation>短语文件 (*.xlsx *.xls *.ods *.txt *.ini *.csv *.tsv);;表格文件 (*.xlsx *.xls *.ods *.xlsm *.xlsb);;搜狗自定义短语文件 (*.txt *.ini);;CSV (*.csv *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported: {new} new, {changed} changed.</source>
        <translation>已导入：新增 {new} 条，修改 {changed} 条。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Sogou phrase file (*.txt)</source>
        <translation>搜狗自定义短语文件 (*.txt)</translation>
    </message>
    <message>
        <source>Export phrases</source>
        <translation>导出短语</translation>
    </message>
    <message numerus="yes">
        <source>%Ln phrase(s) exported to {name}.</source>
        <translation>
            <numerusform>已导出 %Ln 条短语到 {name}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln without a code left out: the Sogou file needs a code for each phrase.</source>
        <translation>
            <numerusform>%Ln 条没有编码的短语未导出：搜狗短语文件要求每条都有编码。</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied to the clipboard</source>
        <translation>已复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>ReplyFill</name>
    <message>
        <source>Buyer&apos;s nickname</source>
        <translation>买家昵称</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名</translation>
    </message>
    <message>
        <source>Text to paste</source>
        <translation>要粘贴的内容</translation>
    </message>
    <message>
        <source>{what}:</source>
        <translation>{what}：</translation>
    </message>
    <message>
        <source>Set the shop name once in Settings and it is filled in by itself</source>
        <translation>在“设置”里填一次店铺名，以后会自动填上</translation>
    </message>
    <message>
        <source>Select the buyer or the case first and it is filled in by itself</source>
        <translation>先选中买家或售后单，就会自动填上</translation>
    </message>
    <message>
        <source>Not a placeholder ShopDesk knows: write what goes in its place</source>
        <translation>这不是店铺客服台认识的占位符：请填写要替换成的文字</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Repeat buyers</source>
        <translation>回头客占比</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>已付款订单</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Follow-ups done on time</source>
        <translation>按时完成的回访</translation>
    </message>
    <message>
        <source>Cases opened</source>
        <translation>新开售后单</translation>
    </message>
    <message>
        <source>Cases closed</source>
        <translation>已结售后单</translation>
    </message>
    <message>
        <source>Resolved (of opened)</source>
        <translation>解决率（新开单中）</translation>
    </message>
    <message>
        <source>Overdue now (of the cases opened)</source>
        <translation>现已超时（本期登记的售后单）</translation>
    </message>
    <message>
        <source>Refunds paid</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>First response, median</source>
        <translation>首次响应（中位数）</translation>
    </message>
    <message>
        <source>First response, 90% within</source>
        <translation>首次响应（90% 在此之内）</translation>
    </message>
    <message>
        <source>Resolution, median</source>
        <translation>解决用时（中位数）</translation>
    </message>
    <message>
        <source>Resolution, 90% within</source>
        <translation>解决用时（90% 在此之内）</translation>
    </message>
    <message>
        <source>Compensation paid</source>
        <translation>补偿金额</translation>
    </message>
    <message>
        <source>Cases by reason</source>
        <translation>按原因</translation>
    </message>
    <message>
        <source>Cases by kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <source>Cases by responsibility</source>
        <translation>按责任方</translation>
    </message>
    <message>
        <source>Cases by product</source>
        <translation>按商品</translation>
    </message>
    <message>
        <source>Cases by handler</source>
        <translation>按处理人</translation>
    </message>
    <message>
        <source>&lt; 1 h</source>
        <translation>&lt; 1 小时</translation>
    </message>
    <message>
        <source>1–4 h</source>
        <translation>1–4 小时</translation>
    </message>
    <message>
        <source>4–24 h</source>
        <translation>4–24 小时</translation>
    </message>
    <message>
        <source>1–3 d</source>
        <translation>1–3 天</translation>
    </message>
    <message>
        <source>3–7 d</source>
        <translation>3–7 天</translation>
    </message>
    <message>
        <source>&gt; 7 d</source>
        <translation>&gt; 7 天</translation>
    </message>
    <message>
        <source>Shop&apos;s fault</source>
        <translation>店铺责任</translation>
    </message>
    <message>
        <source>Buyer&apos;s side</source>
        <translation>买家原因</translation>
    </message>
    <message>
        <source>Carrier&apos;s fault</source>
        <translation>快递责任</translation>
    </message>
    <message>
        <source>Supplier&apos;s fault</source>
        <translation>供货商责任</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Period before</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>售后单数</translation>
    </message>
    <message>
        <source>Cases over time</source>
        <translation>售后单走势</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>周（起始日）</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>新开</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结</translation>
    </message>
    <message>
        <source>Time to resolution</source>
        <translation>解决用时分布</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Cases handled</source>
        <translation>经手售后单</translation>
    </message>
    <message>
        <source>Follow-ups done</source>
        <translation>完成跟进</translation>
    </message>
    <message>
        <source>Notes written</source>
        <translation>所写备注</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（未署名）</translation>
    </message>
    <message>
        <source>By staff</source>
        <translation>按客服</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>&amp;Export workbook…</source>
        <translation>导出复盘表(&amp;E)…</translation>
    </message>
    <message>
        <source>The period&apos;s review as an Excel workbook with charts</source>
        <translation>把这段时间的复盘导出为带图表的 Excel 工作簿</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Cases over time</source>
        <translation>售后单走势</translation>
    </message>
    <message>
        <source>Time to resolution</source>
        <translation>解决用时分布</translation>
    </message>
    <message>
        <source>By staff</source>
        <translation>按客服</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>compared with {first} – {last}</source>
        <translation>对比 {first} – {last}</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>新开</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结</translation>
    </message>
    <message>
        <source>No cases in this period</source>
        <translation>这段时间没有售后单</translation>
    </message>
    <message>
        <source>No case was closed in this period</source>
        <translation>这段时间没有结案的售后单</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>no comparison</source>
        <translation>无可对比</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>持平</translation>
    </message>
    <message>
        <source>{n} points</source>
        <translation>{n} 个百分点</translation>
    </message>
    <message>
        <source>review {first} to {last}.xlsx</source>
        <translation>复盘 {first} 至 {last}.xlsx</translation>
    </message>
    <message>
        <source>Export the review</source>
        <translation>导出复盘</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the review workbook…</source>
        <translation>正在写入复盘工作簿…</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>RiskFlag</name>
    <message>
        <source>{cases} after-sales cases for {paid} paid orders.</source>
        <translation>{paid} 笔已付款订单中有 {cases} 次售后。</translation>
    </message>
    <message>
        <source>Tagged {tags}: may leave a bad review.</source>
        <translation>带有标签：{tags}，可能给差评。</translation>
    </message>
    <message>
        <source>Tagged {tags}.</source>
        <translation>带有标签：{tags}。</translation>
    </message>
    <message>
        <source>{count} orders placed and never paid.</source>
        <translation>{count} 笔订单拍下后一直未付款。</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>Unpaid orders to chase</source>
        <translation>待催付款</translation>
    </message>
    <message>
        <source>Repeat buyers</source>
        <translation>回头客</translation>
    </message>
    <message>
        <source>Buyers with open cases</source>
        <translation>有未结售后的买家</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>跟进到期</translation>
    </message>
    <message>
        <source>Risky buyers</source>
        <translation>有风险的买家</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Used in quick replies as {shop_name}</source>
        <translation>快捷短语中的 {shop_name} 会替换为此名称</translation>
    </message>
    <message>
        <source>Your staff name, e.g. 小王</source>
        <translation>您的客服名字，例如 小王</translation>
    </message>
    <message>
        <source>Recorded as the handler of the cases you change, as who wrote notes, follow-ups and case remarks, and shown to a colleague whose save meets a change of yours</source>
        <translation>会作为您改动的售后单的处理人，记在您写的备注、跟进和售后备注上；同事保存时若遇到您刚改过的内容，也会看到这个名字</translation>
    </message>
    <message>
        <source>Show phone numbers as 138****1234</source>
        <translation>手机号显示为 138****1234</translation>
    </message>
    <message>
        <source>Shop name:</source>
        <translation>店铺名称：</translation>
    </message>
    <message>
        <source>Your name (staff):</source>
        <translation>您的名字（客服）：</translation>
    </message>
    <message>
        <source>Default platform:</source>
        <translation>默认平台：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Warn this many hours before a deadline:</source>
        <translation>截止前多少小时提醒：</translation>
    </message>
    <message>
        <source>Back up while running every (hours):</source>
        <translation>运行时自动备份间隔（小时）：</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>List the backups and restore one</source>
        <translation>查看备份并从中恢复</translation>
    </message>
    <message>
        <source>A new language takes effect when ShopDesk next starts.</source>
        <translation>更改界面语言后，下次启动店铺客服台时生效。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
</context>
<context>
    <name>Shipping</name>
    <message>
        <source>The shop pays the buyer&apos;s return shipping, and the buyer gets a full refund.</source>
        <translation>店铺承担买家寄回的运费，并全额退款。</translation>
    </message>
    <message>
        <source>The shop pays shipping both ways: the buyer pays the return fee first and the shop pays it back.</source>
        <translation>来回运费都由店铺承担：买家先垫付寄回运费，店铺之后报销。</translation>
    </message>
    <message>
        <source>The buyer pays the return shipping, and gets a full refund.</source>
        <translation>买家自付退货运费，货款全额退还。</translation>
    </message>
    <message>
        <source>The buyer pays to send the item back; the shop sends the replacement free.</source>
        <translation>买家自付寄回运费，店铺包邮寄出新件。</translation>
    </message>
    <message>
        <source>The shop pays the return shipping, and the buyer gets a full refund.</source>
        <translation>退货运费由店铺承担，并全额退款。</translation>
    </message>
    <message>
        <source>The shop pays the return shipping.</source>
        <translation>退货运费由店铺承担。</translation>
    </message>
    <message>
        <source>The buyer pays the return shipping; the refund covers the item only, not the original shipping fee.</source>
        <translation>买家自付退货运费；只退商品价格，原来付的运费不退。</translation>
    </message>
    <message>
        <source>The buyer pays shipping both ways.</source>
        <translation>来回运费都由买家承担。</translation>
    </message>
    <message>
        <source>Nothing is sent back, so there is no return shipping to pay.</source>
        <translation>这单不用寄回商品，也就没有退货运费。</translation>
    </message>
    <message>
        <source>Set by hand: the shop pays the return shipping.</source>
        <translation>已手动指定：退货运费由店铺承担。</translation>
    </message>
    <message>
        <source>Set by hand: the shop pays shipping both ways.</source>
        <translation>已手动指定：来回运费都由店铺承担。</translation>
    </message>
    <message>
        <source>Set by hand: the buyer pays the return shipping.</source>
        <translation>已手动指定：退货运费由买家承担。</translation>
    </message>
    <message>
        <source>Set by hand: the buyer pays to send the item back; the shop sends the replacement free.</source>
        <translation>已手动指定：买家自付寄回运费，店铺包邮寄出新件。</translation>
    </message>
    <message>
        <source>Set by hand: the buyer pays shipping both ways.</source>
        <translation>已手动指定：来回运费都由买家承担。</translation>
    </message>
    <message>
        <source>Set by hand: nobody pays return shipping.</source>
        <translation>已手动指定：没有退货运费。</translation>
    </message>
</context>
<context>
    <name>TagList</name>
    <message>
        <source>Find a tag…</source>
        <translation>查找标签…</translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message>
        <source>Manage tags</source>
        <translation>管理标签</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>A new tag category</source>
        <translation>新建一个标签分类</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <source>Rename the category</source>
        <translation>重命名这个分类</translation>
    </message>
    <message>
        <source>C&amp;olour…</source>
        <translation>颜色(&amp;O)…</translation>
    </message>
    <message>
        <source>The category&apos;s colour, used by its tags that have none of their own</source>
        <translation>分类的颜色，分类下没有单独设置颜色的标签都用它</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>删除(&amp;L)…</translation>
    </message>
    <message>
        <source>Delete the category and its tags</source>
        <translation>删除这个分类及其中的标签</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>分类(&amp;C)</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Add &amp;tag…</source>
        <translation>添加标签(&amp;T)…</translation>
    </message>
    <message>
        <source>A new tag in this category</source>
        <translation>在这个分类里新建标签</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>Rename the tag</source>
        <translation>重命名这个标签</translation>
    </message>
    <message>
        <source>Colo&amp;ur…</source>
        <translation>颜色(&amp;U)…</translation>
    </message>
    <message>
        <source>Give the tag a colour of its own</source>
        <translation>给标签单独设置颜色</translation>
    </message>
    <message>
        <source>Category colour</source>
        <translation>用分类颜色</translation>
    </message>
    <message>
        <source>Draw the tag in its category&apos;s colour again</source>
        <translation>标签改回使用所在分类的颜色</translation>
    </message>
    <message>
        <source>D&amp;escription…</source>
        <translation>说明(&amp;E)…</translation>
    </message>
    <message>
        <source>What the tag means and how to treat customers who carry it</source>
        <translation>标签的含义，以及怎样对待带这个标签的客户</translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation>移到(&amp;M)…</translation>
    </message>
    <message>
        <source>Put the tag in another category</source>
        <translation>把标签放到另一个分类里</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the tag; customers lose it</source>
        <translation>删除标签，客户身上的这个标签也会去掉</translation>
    </message>
    <message>
        <source>Every change here can be undone with Ctrl+Z, deleting included.</source>
        <translation>这里的每项修改（包括删除）都可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Category&apos;s</source>
        <translation>随分类</translation>
    </message>
    <message>
        <source>Its own colour</source>
        <translation>单独设置的颜色</translation>
    </message>
    <message>
        <source>The category&apos;s colour</source>
        <translation>所在分类的颜色</translation>
    </message>
    <message>
        <source>Add a category to put tags in.</source>
        <translation>先添加一个分类，再往里面放标签。</translation>
    </message>
    <message numerus="yes">
        <source>Tags in “{category}”: %n</source>
        <translation>
            <numerusform>“{category}”中的标签：%n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>New tag category</source>
        <translation>新建标签分类</translation>
    </message>
    <message>
        <source>Name of the new category:</source>
        <translation>新分类的名称：</translation>
    </message>
    <message>
        <source>Add tag category “{name}”</source>
        <translation>添加标签分类“{name}”</translation>
    </message>
    <message>
        <source>Rename tag category</source>
        <translation>重命名标签分类</translation>
    </message>
    <message>
        <source>New name for “{name}”:</source>
        <translation>“{name}”的新名称：</translation>
    </message>
    <message>
        <source>Rename tag category “{old}” to “{new}”</source>
        <translation>将标签分类“{old}”重命名为“{new}”</translation>
    </message>
    <message>
        <source>Colour of “{name}”</source>
        <translation>“{name}”的颜色</translation>
    </message>
    <message>
        <source>Recolour tag category “{name}”</source>
        <translation>修改标签分类“{name}”的颜色</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) in it will be deleted too.</source>
        <translation>
            <numerusform>其中的 %n 个标签也会一并删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) will lose them.</source>
        <translation>
            <numerusform>%n 位客户会失去这些标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete tag category</source>
        <translation>删除标签分类</translation>
    </message>
    <message>
        <source>Delete the tag category “{name}”?</source>
        <translation>删除标签分类“{name}”吗？</translation>
    </message>
    <message>
        <source>Delete category</source>
        <translation>删除分类</translation>
    </message>
    <message>
        <source>Delete tag category “{name}”</source>
        <translation>删除标签分类“{name}”</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Name of the new tag in “{category}”:</source>
        <translation>“{category}”中新标签的名称：</translation>
    </message>
    <message>
        <source>Add tag “{name}”</source>
        <translation>添加标签“{name}”</translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>Rename tag “{old}” to “{new}”</source>
        <translation>将标签“{old}”重命名为“{new}”</translation>
    </message>
    <message>
        <source>Recolour tag “{name}”</source>
        <translation>修改标签“{name}”的颜色</translation>
    </message>
    <message>
        <source>Use the category colour for tag “{name}”</source>
        <translation>标签“{name}”改用分类颜色</translation>
    </message>
    <message>
        <source>Tag description</source>
        <translation>标签说明</translation>
    </message>
    <message>
        <source>What “{name}” means, and how to treat these customers:</source>
        <translation>“{name}”是什么意思，这类客户该怎样对待：</translation>
    </message>
    <message>
        <source>Change the description of tag “{name}”</source>
        <translation>修改标签“{name}”的说明</translation>
    </message>
    <message>
        <source>Move tag</source>
        <translation>移动标签</translation>
    </message>
    <message>
        <source>Put “{name}” in the category:</source>
        <translation>把“{name}”放到分类：</translation>
    </message>
    <message>
        <source>Move tag “{name}” to “{category}”</source>
        <translation>将标签“{name}”移到“{category}”</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) carry it and will lose it.</source>
        <translation>
            <numerusform>有 %n 位客户带着这个标签，删除后他们将不再有这个标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer carries it.</source>
        <translation>目前没有客户带这个标签。</translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>Delete the tag “{name}”?</source>
        <translation>删除标签“{name}”吗？</translation>
    </message>
    <message>
        <source>Delete tag “{name}”</source>
        <translation>删除标签“{name}”</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>ShopDesk</source>
        <translation>店铺客服台</translation>
    </message>
    <message>
        <source>ShopDesk cannot open the shop on its server.</source>
        <translation>店铺客服台无法打开服务器上的店铺。</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>The shop was not changed.</source>
        <translation>店铺没有切换。</translation>
    </message>
    <message>
        <source>Now working with the shop on the server {server}.</source>
        <translation>现在使用服务器 {server} 上的店铺。</translation>
    </message>
    <message>
        <source>Now working with the local shop in {folder}.</source>
        <translation>现在使用 {folder} 里的本地店铺。</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>数据结构版本：</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <source>&amp;Open the shop on the server in this window</source>
        <translation>在本窗口打开服务器上的店铺(&amp;O)</translation>
    </message>
    <message>
        <source>Backups of the shop on the server</source>
        <translation>服务器上店铺的备份</translation>
    </message>
    <message>
        <source>This seat takes the shop&apos;s scheduled backups</source>
        <translation>本座席负责店铺的定时备份</translation>
    </message>
    <message>
        <source>When ShopDesk closes and every few hours while it is open, this seat writes a backup of the shop on the server into its own backups folder, if the shop changed. One seat is enough: best the one that is open most.</source>
        <translation>店铺有改动时，本座席会在店铺客服台关闭时以及打开期间每隔几小时，把服务器上的店铺备份到自己的备份文件夹。一个座席负责就够了，最好是开着时间最长的那台。</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>最近一次备份：</translation>
    </message>
    <message>
        <source>Work as a team on a PostgreSQL server</source>
        <translation>在 PostgreSQL 服务器上多人协作</translation>
    </message>
    <message>
        <source>Kept in the system&apos;s keyring, never in the data folder</source>
        <translation>保存在系统钥匙串中，不会写进数据文件夹</translation>
    </message>
    <message>
        <source>&amp;Make a new team shop</source>
        <translation>新建团队店铺(&amp;M)</translation>
    </message>
    <message>
        <source>Create the shop in an empty database on the server</source>
        <translation>在服务器上的一个空数据库里新建店铺</translation>
    </message>
    <message>
        <source>&amp;Join a team shop</source>
        <translation>加入团队店铺(&amp;J)</translation>
    </message>
    <message>
        <source>Work with a shop another seat made on the server</source>
        <translation>使用其他客服在服务器上建好的店铺</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Each seat keeps its own data folder; the customers, cases and phrases are on the server, and every seat sees the others&apos; changes within a second. A new team shop can take this computer&apos;s shop with it; the local file is kept as it is.</source>
        <translation>每台电脑各用自己的数据文件夹；客户、售后单和短语都存放在服务器上，一台电脑上的改动，其他电脑一秒内就能看到。新建团队店铺时可以把本机的店铺一起搬上去，本地文件原样保留。</translation>
    </message>
    <message>
        <source>This computer&apos;s shop</source>
        <translation>本机的店铺</translation>
    </message>
    <message>
        <source>Mo&amp;ve this shop to the server…</source>
        <translation>把本店搬到服务器(&amp;V)…</translation>
    </message>
    <message>
        <source>A local copy, or back to working alone</source>
        <translation>本地副本，或回到单机使用</translation>
    </message>
    <message>
        <source>Writes the shop on the server, with its photos, as a local shop in this data folder (or where you choose). This seat can then go back to working alone on it; the shop on the server stays as it is for the other seats.</source>
        <translation>把服务器上的店铺连同照片写成一个本地店铺，放在本数据文件夹里（也可以自选位置）。之后这台电脑可以改回单机使用这份副本；服务器上的店铺保持不变，其他电脑照常使用。</translation>
    </message>
    <message>
        <source>Make a &amp;local copy / leave team mode…</source>
        <translation>做一份本地副本 / 退出团队模式(&amp;L)…</translation>
    </message>
    <message>
        <source>Local: the shop is on this computer</source>
        <translation>本机：店铺数据保存在这台电脑上</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>无需连接</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Team: the shop is on a PostgreSQL server</source>
        <translation>团队：店铺数据保存在 PostgreSQL 服务器上</translation>
    </message>
    <message>
        <source>socket {folder}</source>
        <translation>套接字 {folder}</translation>
    </message>
    <message>
        <source>This data folder also holds a local shop: {customers} buyers, {cases} after-sales cases, {photos} photos. Copy it to the shop on the server to work on it as a team.</source>
        <translation>这个数据文件夹里还有一个本地店铺：{customers} 位买家、{cases} 个售后单、{photos} 张照片。把它复制到服务器上的店铺，就能多人一起用。</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>还没有</translation>
    </message>
    <message>
        <source>{when} by {staff}&apos;s seat ({computer})</source>
        <translation>{when}，由{staff}的座席（{computer}）完成</translation>
    </message>
    <message>
        <source>{when} by the seat on {computer}</source>
        <translation>{when}，由电脑 {computer} 上的座席完成</translation>
    </message>
    <message>
        <source>No seat has backed up the shop for more than a day. Tick the box above on one seat (best the one that is open most), or back up by hand: File &gt; Back up now.</source>
        <translation>已经超过一天没有任何座席备份店铺了。请在一个座席上勾选上面的选项（最好是开着时间最长的那台），或者手动备份：文件 &gt; 立即备份。</translation>
    </message>
    <message>
        <source>unknown: {reason}</source>
        <translation>未知：{reason}</translation>
    </message>
    <message>
        <source>Not open in this window</source>
        <translation>本窗口尚未打开</translation>
    </message>
    <message>
        <source>Not connected (restart ShopDesk to open the team shop)</source>
        <translation>未连接（重新启动店铺客服台即可打开团队店铺）</translation>
    </message>
    <message>
        <source>Connected; other seats&apos; changes show here live</source>
        <translation>已连接；其他客服的改动会实时显示在这里</translation>
    </message>
    <message>
        <source>The server does not answer; trying again ({reason})</source>
        <translation>服务器没有响应，正在重试（{reason}）</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>{schema} (PostgreSQL {server})</source>
        <translation>{schema}（PostgreSQL {server}）</translation>
    </message>
    <message>
        <source>The server does not answer: {problem}</source>
        <translation>服务器没有响应：{problem}</translation>
    </message>
    <message>
        <source>Give the server&apos;s address, e.g. postgresql://user@host:5432/shop.</source>
        <translation>请填写服务器地址，例如 postgresql://user@host:5432/shop。</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <source>This data folder now works with the shop on {server}. Restart ShopDesk to open it.</source>
        <translation>这个数据文件夹现在使用 {server} 上的店铺。请重新启动店铺客服台来打开它。</translation>
    </message>
    <message>
        <source>This data folder now works with the shop on {server}; this computer&apos;s shop was not copied.</source>
        <translation>这个数据文件夹现在使用 {server} 上的店铺；本机的店铺没有复制上去。</translation>
    </message>
    <message>
        <source>Move this shop to the server</source>
        <translation>把本店搬到服务器</translation>
    </message>
    <message>
        <source>Copy this computer&apos;s shop to the server {server}?

{customers} buyers, {cases} after-sales cases and {photos} photos ({rows} rows in all) are copied in one go. If anything goes wrong, or you cancel, the server keeps nothing of it.

The local file stays in the data folder as it is; this window then shows the shop on the server.</source>
        <translation>要把本机的店铺复制到服务器 {server} 吗？

{customers} 位买家、{cases} 个售后单和 {photos} 张照片（共 {rows} 行数据）会一次性复制过去。中途出错或您取消时，服务器上不会留下任何一部分。

本地文件原样留在数据文件夹里；复制完成后，本窗口改为显示服务器上的店铺。</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>开始搬迁(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>暂不(&amp;N)</translation>
    </message>
    <message>
        <source>Moving the shop to the server…</source>
        <translation>正在把店铺搬到服务器…</translation>
    </message>
    <message>
        <source>Moved {rows} rows and {photos} photo files to the server.</source>
        <translation>已把 {rows} 行数据和 {photos} 个照片文件搬到服务器。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was copied, the shop on the server is as it was.</source>
        <translation>已取消：没有复制任何数据，服务器上的店铺保持原样。</translation>
    </message>
    <message>
        <source>Nothing was copied: the shop on the server already holds data.</source>
        <translation>没有复制任何数据：服务器上的店铺里已经有数据。</translation>
    </message>
    <message>
        <source>Replace the shop on the server with this computer&apos;s? What is on the server now is lost unless a seat has a backup of it.</source>
        <translation>要用本机的店铺替换服务器上的店铺吗？除非某台电脑有它的备份，否则服务器上现有的数据将会丢失。</translation>
    </message>
    <message>
        <source>&amp;Replace it</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep the server&apos;s</source>
        <translation>保留服务器上的(&amp;K)</translation>
    </message>
    <message>
        <source>Make a local copy</source>
        <translation>做一份本地副本</translation>
    </message>
    <message>
        <source>Write the shop on the server {server} as a local shop?

Every table and photo is copied from one moment of the server into a new file in {folder}. The shop on the server stays as it is for the other seats. Afterwards this seat can go back to working alone on the copy.</source>
        <translation>要把服务器 {server} 上的店铺写成本地店铺吗？

所有数据表和照片都按服务器上同一时刻的状态，复制到 {folder} 里的一个新文件中。服务器上的店铺保持不变，其他电脑照常使用。完成后，这台电脑可以改回单机使用这份副本。</translation>
    </message>
    <message>
        <source>&amp;Write it there</source>
        <translation>写到那里(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Choose another place…</source>
        <translation>另选位置(&amp;C)…</translation>
    </message>
    <message>
        <source>ShopDesk shop (*.sqlite3)</source>
        <translation>ShopDesk 店铺 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Writing a local copy…</source>
        <translation>正在写本地副本…</translation>
    </message>
    <message>
        <source>The local copy is written: {path} ({rows} rows, {photos} photo files).</source>
        <translation>本地副本已写好：{path}（{rows} 行数据，{photos} 个照片文件）。</translation>
    </message>
    <message>
        <source>Leave team mode</source>
        <translation>退出团队模式</translation>
    </message>
    <message>
        <source>Switch this seat to the local copy now? This seat then works alone on it: the data folder&apos;s present local file is kept aside, and the server&apos;s address is kept as team-left-….json. The other seats go on with the shop on the server.</source>
        <translation>现在就让这台电脑改用这份本地副本吗？之后这台电脑单机使用它：数据文件夹里现有的本地文件会另存一旁，服务器地址保存在 team-left-….json 里。其他电脑继续使用服务器上的店铺。</translation>
    </message>
    <message>
        <source>&amp;Switch to the local copy</source>
        <translation>改用本地副本(&amp;S)</translation>
    </message>
    <message>
        <source>Stay in &amp;team mode</source>
        <translation>继续团队模式(&amp;T)</translation>
    </message>
    <message>
        <source>Cancelled: no local copy was written.</source>
        <translation>已取消：没有写出本地副本。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>This window now shows the shop on the server.</source>
        <translation>本窗口现在显示服务器上的店铺。</translation>
    </message>
    <message>
        <source>This window now shows the local shop; this seat works alone again.</source>
        <translation>本窗口现在显示本地店铺；这台电脑已回到单机使用。</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <source>Filter by buyer or task…</source>
        <translation>按买家或事项筛选…</translation>
    </message>
    <message>
        <source>&amp;Open customer</source>
        <translation>打开客户(&amp;O)</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>修改(&amp;I)…</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>标记完成(&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>Open the buyer of this follow-up (Enter, double-click)</source>
        <translation>打开这条跟进的买家（回车或双击）</translation>
    </message>
    <message>
        <source>Change what to follow up or when (F2)</source>
        <translation>修改跟进事项或时间（F2）</translation>
    </message>
    <message>
        <source>&amp;Snooze</source>
        <translation>稍后提醒(&amp;S)</translation>
    </message>
    <message>
        <source>Put the selected follow-ups off until later</source>
        <translation>把选中的跟进推迟到稍后</translation>
    </message>
    <message>
        <source>Delete the selected follow-ups (Del)</source>
        <translation>删除选中的跟进（Del）</translation>
    </message>
    <message>
        <source>Mark the selected follow-ups done (Ctrl+D)</source>
        <translation>将选中的跟进标记为已完成（Ctrl+D）</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>到期事项</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>售后单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Case deadlines</source>
        <translation>售后期限</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln 个售后单</numerusform>
        </translation>
    </message>
    <message>
        <source>{cases}, {overdue}</source>
        <translation>{cases}，{overdue}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln 个已超时</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Customer trash</source>
        <translation>客户回收站</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>买家昵称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>The trash is empty. Customers you delete wait here until you restore them or empty the trash.</source>
        <translation>回收站是空的。删除的客户会先放在这里，直到你恢复他们或清空回收站。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Bring the selected customers back (Ctrl+Z undoes it)</source>
        <translation>恢复选中的客户（可用 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <source>Delete every customer in the trash for good</source>
        <translation>永久删除回收站里的所有客户</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) in the trash. Their orders, notes and cases stay with them until the trash is emptied.</source>
        <translation>
            <numerusform>回收站里有 %n 位客户。清空回收站之前，他们的订单、备注和售后单都还保留着。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n customer(s)</source>
        <translation>
            <numerusform>恢复 %n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n customer(s) in the trash for good?</source>
        <translation>
            <numerusform>永久删除回收站里的 %n 位客户吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted with them: {orders} orders, {cases} after-sales cases, {notes} notes, {followups} follow-ups and {addresses} addresses. This is permanent and cannot be undone.</source>
        <translation>一并删除：{orders} 个订单、{cases} 个售后单、{notes} 条备注、{followups} 条跟进和 {addresses} 个地址。删除是永久的，无法撤销。</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>永久删除</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Cannot undo</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <source>“{what}” cannot be undone or redone any more: {why}</source>
        <translation>“{what}”已无法撤销或重做：{why}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Urgency</name>
    <message>
        <source>{left} ({when})</source>
        <translation>{left}（{when}）</translation>
    </message>
    <message>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <source>Overdue by {span}</source>
        <translation>已超期 {span}</translation>
    </message>
    <message>
        <source>Due in {span}</source>
        <translation>还剩 {span}</translation>
    </message>
    <message>
        <source>%n d overdue</source>
        <translation>超 %n 天</translation>
    </message>
    <message>
        <source>%n h overdue</source>
        <translation>超 %n 小时</translation>
    </message>
    <message>
        <source>%n min overdue</source>
        <translation>超 %n 分钟</translation>
    </message>
    <message>
        <source>%n d left</source>
        <translation>剩 %n 天</translation>
    </message>
    <message>
        <source>%n h left</source>
        <translation>剩 %n 小时</translation>
    </message>
    <message>
        <source>%n min left</source>
        <translation>剩 %n 分钟</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>There is no ShopDesk database in {folder}.</source>
        <translation>{folder} 中没有店铺客服台的数据库。</translation>
    </message>
    <message>
        <source>The database {path} holds no ShopDesk data ({reason}) and there is no good backup in {folder}. Nothing was changed. Move the file away to start a new shop.</source>
        <translation>数据库 {path} 里没有店铺客服台的数据（{reason}），{folder} 中也没有完好的备份。没有做任何改动。如果要开一个新店铺，请先把这个文件移走。</translation>
    </message>
    <message>
        <source>The database {path} holds no ShopDesk data ({reason}). Nothing was changed. The newest good backup is {backup}; put it back with: shopdesk restore &quot;{backup}&quot; (the file is kept aside).</source>
        <translation>数据库 {path} 里没有店铺客服台的数据（{reason}）。没有做任何改动。最新的完好备份是 {backup}，可以这样恢复：shopdesk restore &quot;{backup}&quot;（现在的文件会另存一旁）。</translation>
    </message>
    <message>
        <source>{path} could not be written or read: {reason}. Nothing more was changed.</source>
        <translation>无法读写 {path}：{reason}。其他内容均未改动。</translation>
    </message>
    <message>
        <source>The backup could not be written to {folder}: {reason}.</source>
        <translation>备份无法写入 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>The backup failed its check and was removed; the database itself is unchanged.</source>
        <translation>备份未通过校验，已删除；数据库本身没有任何改动。</translation>
    </message>
    <message>
        <source>The photo {name} changed while it was being archived; try again.</source>
        <translation>照片 {name} 在打包过程中被改动了，请重试。</translation>
    </message>
    <message>
        <source>The archive {path} could not be written: {reason}.</source>
        <translation>无法写入归档文件 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Say what to follow up.</source>
        <translation>请填写跟进内容。</translation>
    </message>
    <message>
        <source>A follow-up can be at most {limit} characters (this one has {length}).</source>
        <translation>跟进内容最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>Some of these follow-ups no longer exist; nothing was changed.</source>
        <translation>其中有些跟进事项已不存在，没有做任何修改。</translation>
    </message>
    <message>
        <source>That after-sales case is not one of this customer&apos;s.</source>
        <translation>这个售后单不属于该客户。</translation>
    </message>
    <message>
        <source>Snooze until a time in the future.</source>
        <translation>稍后提醒的时间必须在将来。</translation>
    </message>
    <message>
        <source>A change to the database in {folder} was cut off (ShopDesk was stopped or the power failed), and SQLite must undo it before the database can be read, but the folder cannot be written to. Make the folder writable and try again; nothing is lost.</source>
        <translation>{folder} 中数据库的一次修改被中途打断（店铺客服台被关掉或断电），读取数据库前 SQLite 需要先撤销这次修改，但这个文件夹无法写入。请让文件夹可写后再试，数据不会丢失。</translation>
    </message>
    <message>
        <source>{path} should be ShopDesk&apos;s database file, but it is a folder or another kind of file. Move it out of the data folder and try again.</source>
        <translation>{path} 应该是店铺客服台的数据库文件，但它是一个文件夹或其他类型的文件。请把它移出数据文件夹后再试。</translation>
    </message>
    <message>
        <source>{path} is empty: it holds no ShopDesk data (a copy that did not finish, or a file emptied by mistake?).</source>
        <translation>{path} 是空的，里面没有店铺客服台的数据（可能是复制没有完成，或文件被误清空）。</translation>
    </message>
    <message>
        <source>{path} is not a ShopDesk database.</source>
        <translation>{path} 不是店铺客服台的数据库。</translation>
    </message>
    <message>
        <source>This database was written by a newer ShopDesk (schema {found}; this version knows up to {known}). Update ShopDesk to open it.</source>
        <translation>这个数据库由更新版本的店铺客服台写入（结构版本 {found}，当前版本最高支持 {known}）。请先升级店铺客服台再打开。</translation>
    </message>
    <message>
        <source>The backup taken before updating the database failed its check ({path}); the database was left as it is.</source>
        <translation>升级数据库前做的备份没有通过检查（{path}），数据库保持原样未改动。</translation>
    </message>
    <message>
        <source>Another program created {path} while ShopDesk was creating it; nothing was changed.</source>
        <translation>店铺客服台创建 {path} 时，另一个程序抢先创建了它；没有做任何改动。</translation>
    </message>
    <message>
        <source>The disk is full, so this change was not saved. Everything saved before is safe. Free some space on the disk with the data folder {folder} and try again.</source>
        <translation>磁盘已满，这次修改没有保存。之前保存的内容都安然无恙。请在数据文件夹 {folder} 所在的磁盘上腾出一些空间后再试。</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be written to (read-only, or its database was moved), so this change was not saved. Everything saved before is safe. Make the folder writable and restart ShopDesk.</source>
        <translation>数据文件夹 {folder} 无法写入（只读，或数据库被移走了），这次修改没有保存。之前保存的内容都安然无恙。请让该文件夹可写，然后重新启动店铺客服台。</translation>
    </message>
    <message>
        <source>The disk reported an error while saving in {folder}, so this change was not saved. Check the disk (a removed USB drive? a full or failing disk?) and try again.</source>
        <translation>在 {folder} 中保存时磁盘报错，这次修改没有保存。请检查磁盘（U 盘被拔出了？磁盘已满或出了故障？）后再试。</translation>
    </message>
    <message>
        <source>The database in {folder} is busy: another ShopDesk is writing to it. Try again in a moment.</source>
        <translation>{folder} 中的数据库正忙：另一个店铺客服台正在写入。请稍后再试。</translation>
    </message>
    <message>
        <source>The text holds bytes that are not valid UTF-8 (from a terminal or a file in another encoding?), so it cannot be used. Type it again.</source>
        <translation>这段文字里有不是有效 UTF-8 的字节（可能来自编码不同的终端或文件），无法使用。请重新输入。</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened: {reason}.</source>
        <translation>无法打开数据库 {path}：{reason}。</translation>
    </message>
    <message>
        <source>The demo can have between 0 and {most} customers.</source>
        <translation>演示数据的客户数须在 0 到 {most} 之间。</translation>
    </message>
    <message>
        <source>This data folder already holds {count} customers; demo data goes into an empty one. Use another folder (--data-dir).</source>
        <translation>这个数据文件夹里已有 {count} 位客户；演示数据只能放进空的数据文件夹。请换一个文件夹（--data-dir）。</translation>
    </message>
    <message>
        <source>Another ShopDesk is using the data folder {folder}. Close it first, or use another folder with --data-dir.</source>
        <translation>另一个店铺客服台正在使用数据文件夹 {folder}。请先关闭它，或用 --data-dir 换一个文件夹。</translation>
    </message>
    <message>
        <source>The number {value} was saved as a number and has lost digits (a spreadsheet keeps 15); export the file again as .csv, or with this column as text.</source>
        <translation>编号 {value} 被存成了数字，已经丢失了位数（表格软件只保留 15 位）；请重新导出为 .csv，或把这一列设为文本后再导出。</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money.</source>
        <translation>“{text}”不是有效的金额。</translation>
    </message>
    <message>
        <source>“{value}” is not a quantity.</source>
        <translation>“{value}”不是有效的数量。</translation>
    </message>
    <message>
        <source>“{value}” is not a date and time.</source>
        <translation>“{value}”不是有效的日期时间。</translation>
    </message>
    <message>
        <source>“{value}” is not a date ShopDesk can store (years {first} to {last}).</source>
        <translation>“{value}”不是店铺客服台能保存的日期（年份须在 {first} 到 {last} 之间）。</translation>
    </message>
    <message>
        <source>Cannot use the data folder {folder}: {reason}. Choose another folder with --data-dir.</source>
        <translation>无法使用数据文件夹 {folder}：{reason}。请用 --data-dir 选择其他文件夹。</translation>
    </message>
    <message>
        <source>The data folder {folder} is read-only. Choose another with --data-dir.</source>
        <translation>数据文件夹 {folder} 是只读的。请用 --data-dir 选择其他文件夹。</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder. Give --data-dir a folder.</source>
        <translation>{path} 是文件而不是文件夹。请给 --data-dir 指定一个文件夹。</translation>
    </message>
    <message>
        <source>Setting {name}: expected yes or no.</source>
        <translation>设置项 {name}：应为“是”或“否”。</translation>
    </message>
    <message>
        <source>Setting {name}: expected a whole number.</source>
        <translation>设置项 {name}：应为整数。</translation>
    </message>
    <message>
        <source>Setting {name}: at least {limit}.</source>
        <translation>设置项 {name}：不能小于 {limit}。</translation>
    </message>
    <message>
        <source>Setting {name}: at most {limit}.</source>
        <translation>设置项 {name}：不能大于 {limit}。</translation>
    </message>
    <message>
        <source>Setting {name}: expected text.</source>
        <translation>设置项 {name}：应为文字。</translation>
    </message>
    <message>
        <source>Setting {name}: at most 200 characters.</source>
        <translation>设置项 {name}：最多 200 个字符。</translation>
    </message>
    <message>
        <source>Setting {name}: must be one of {choices}.</source>
        <translation>设置项 {name}：必须是 {choices} 之一。</translation>
    </message>
    <message>
        <source>&quot;{phone}&quot; is not a phone number: use an 11-digit mobile (13812345678), a landline with its area code (0571-88886666) or a masked number (138****1234).</source>
        <translation>“{phone}”不是电话号码：请填 11 位手机号（13812345678）、带区号的座机（0571-88886666）或打码号码（138****1234）。</translation>
    </message>
    <message>
        <source>&quot;{color}&quot; is not a colour: use #rrggbb, for example #e53935.</source>
        <translation>“{color}”不是颜色：请用 #rrggbb 格式，例如 #e53935。</translation>
    </message>
    <message>
        <source>Unknown lifecycle group &quot;{group}&quot;.</source>
        <translation>没有“{group}”这个客户分组。</translation>
    </message>
    <message>
        <source>Choose two different customers to merge.</source>
        <translation>请选择两个不同的客户来合并。</translation>
    </message>
    <message>
        <source>The merge cannot be undone: one of the customers was deleted for good.</source>
        <translation>无法撤销合并：其中一个客户已被彻底删除。</translation>
    </message>
    <message>
        <source>The merge cannot be undone: &quot;{nickname}&quot; was restored from the trash since.</source>
        <translation>无法撤销合并：“{nickname}”之后已从回收站恢复。</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>备注是空的。</translation>
    </message>
    <message>
        <source>A note can be at most {limit} characters (this one has {length}); split it into several notes.</source>
        <translation>一条备注最多 {limit} 个字（现在有 {length} 个），请分成几条备注。</translation>
    </message>
    <message>
        <source>This note is already there.</source>
        <translation>这条备注已经在了。</translation>
    </message>
    <message>
        <source>The handler&apos;s name can be at most {limit} characters (this one has {length}).</source>
        <translation>处理人名字最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>A comment can be at most {limit} characters (this one has {length}).</source>
        <translation>备注最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>Choose what kind of case this is.</source>
        <translation>请选择售后类型。</translation>
    </message>
    <message>
        <source>Choose who is responsible: the shop, the buyer, the carrier or the supplier.</source>
        <translation>请选择责任方：店铺、买家、快递还是供应商。</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>金额不能是负数。</translation>
    </message>
    <message>
        <source>{amount} yuan is more than any after-sales case can be worth; check the amount.</source>
        <translation>{amount} 元超出了售后单可能的金额，请核对一下。</translation>
    </message>
    <message>
        <source>“{number}” is not a tracking number: use letters, digits and dashes, at most {limit}.</source>
        <translation>“{number}”不是有效的快递单号：只能包含字母、数字和短横线，最多 {limit} 位。</translation>
    </message>
    <message>
        <source>The carrier&apos;s name can be at most {limit} characters (this one has {length}).</source>
        <translation>快递公司名称最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>The platform&apos;s refund number can be at most {limit} characters (this one has {length}).</source>
        <translation>平台退款编号最多 {limit} 个字符（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>The description can be at most {limit} characters (this one has {length}).</source>
        <translation>问题描述最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>An item&apos;s quantity must be between 1 and {most}.</source>
        <translation>商品数量要在 1 到 {most} 之间。</translation>
    </message>
    <message>
        <source>An item&apos;s name can be at most {limit} characters (this one has {length}).</source>
        <translation>商品名称最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>Name the item, or pick it from the order.</source>
        <translation>请填写商品名称，或从订单里选择。</translation>
    </message>
    <message>
        <source>A case can list at most {most} items.</source>
        <translation>一个售后单最多登记 {most} 件商品。</translation>
    </message>
    <message>
        <source>Choose a reason for the case.</source>
        <translation>请选择售后原因。</translation>
    </message>
    <message>
        <source>This order no longer exists.</source>
        <translation>这个订单已经不存在了。</translation>
    </message>
    <message>
        <source>That order is not one of this customer&apos;s.</source>
        <translation>这个订单不属于该客户。</translation>
    </message>
    <message>
        <source>An item on this case is not part of its order.</source>
        <translation>售后单里有商品不属于所选订单。</translation>
    </message>
    <message>
        <source>“{title}” was bought {bought} time(s); the case cannot claim {claimed}.</source>
        <translation>“{title}”只买了 {bought} 件，不能登记 {claimed} 件。</translation>
    </message>
    <message>
        <source>The refund is more than the buyer paid for the order ({paid} yuan).</source>
        <translation>退款金额超过了买家这笔订单的实付金额（{paid} 元）。</translation>
    </message>
    <message>
        <source>Case {case_no} is in the trash; restore it first.</source>
        <translation>售后单 {case_no} 在回收站里，请先恢复。</translation>
    </message>
    <message>
        <source>A case cannot be opened in the future.</source>
        <translation>售后单的登记时间不能晚于现在。</translation>
    </message>
    <message>
        <source>Some items on this case come from its order; pick the items again for the new order.</source>
        <translation>售后单里有商品来自原订单，换了订单后请重新选择商品。</translation>
    </message>
    <message>
        <source>Choose who pays the return shipping.</source>
        <translation>请选择退货运费由谁承担。</translation>
    </message>
    <message>
        <source>The comment is empty.</source>
        <translation>备注是空的。</translation>
    </message>
    <message>
        <source>This comment is no longer on the case.</source>
        <translation>这条备注已不在此售后单上。</translation>
    </message>
    <message>
        <source>There is no case {case_no}.</source>
        <translation>找不到售后单 {case_no}。</translation>
    </message>
    <message>
        <source>A reason&apos;s name cannot contain line breaks or control characters.</source>
        <translation>原因名称不能包含换行或控制字符。</translation>
    </message>
    <message>
        <source>The reason needs a name.</source>
        <translation>请填写原因名称。</translation>
    </message>
    <message>
        <source>A reason&apos;s name can be at most {limit} characters (this one has {length}).</source>
        <translation>原因名称最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>There is already a reason &quot;{name}&quot;.</source>
        <translation>已经有原因“{name}”了。</translation>
    </message>
    <message>
        <source>This reason no longer exists.</source>
        <translation>这个原因已不存在。</translation>
    </message>
    <message>
        <source>Keep at least one reason in use: a case needs one.</source>
        <translation>至少要保留一个启用的原因：登记售后单需要选择原因。</translation>
    </message>
    <message>
        <source>{count} case(s) have the reason &quot;{name}&quot;, so it cannot be deleted; switch it off instead.</source>
        <translation>有 {count} 个售后单使用原因“{name}”，不能删除；可以停用它。</translation>
    </message>
    <message>
        <source>This note no longer exists.</source>
        <translation>这条备注已不存在。</translation>
    </message>
    <message>
        <source>Some of these notes no longer exist; nothing was changed.</source>
        <translation>其中有些备注已不存在，什么都没有修改。</translation>
    </message>
    <message>
        <source>Choose the customer&apos;s platform.</source>
        <translation>请选择客户所在的平台。</translation>
    </message>
    <message>
        <source>Unknown platform &quot;{platform}&quot;.</source>
        <translation>没有“{platform}”这个平台。</translation>
    </message>
    <message>
        <source>Nickname is required.</source>
        <translation>请填写买家昵称。</translation>
    </message>
    <message>
        <source>The nickname can be at most {limit} characters (this one has {length}).</source>
        <translation>昵称最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>The real name can be at most {limit} characters (this one has {length}).</source>
        <translation>姓名最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>The region can be at most {limit} characters (this one has {length}).</source>
        <translation>地区最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>There is already a customer &quot;{nickname}&quot; on {platform}.</source>
        <translation>{platform} 上已经有客户“{nickname}”了。</translation>
    </message>
    <message>
        <source>Some of these customers were deleted for good since (the trash was emptied).</source>
        <translation>其中有客户已被彻底删除（回收站已清空）。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>这个客户已不存在。</translation>
    </message>
    <message>
        <source>&quot;{nickname}&quot; is in the trash; restore them first.</source>
        <translation>“{nickname}”在回收站里，请先恢复。</translation>
    </message>
    <message>
        <source>This part of the address can be at most {limit} characters (this one has {length}).</source>
        <translation>地址的这一项最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>The street address can be at most {limit} characters (this one has {length}).</source>
        <translation>详细地址最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>The receiver&apos;s name can be at most {limit} characters (this one has {length}).</source>
        <translation>收货人姓名最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation>地址是空的。</translation>
    </message>
    <message>
        <source>This address no longer exists.</source>
        <translation>这个地址已不存在。</translation>
    </message>
    <message>
        <source>This address is already there.</source>
        <translation>这个地址已经存在。</translation>
    </message>
    <message>
        <source>Two of these customers are both &quot;{nickname}&quot; on {platform}; restore only one of them.</source>
        <translation>其中两个客户都是 {platform} 上的“{nickname}”，只能恢复其中一个。</translation>
    </message>
    <message>
        <source>The category needs a name.</source>
        <translation>请填写分类名称。</translation>
    </message>
    <message>
        <source>A category name can be at most {limit} characters (this one has {length}).</source>
        <translation>分类名称最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>The tag needs a name.</source>
        <translation>请填写标签名称。</translation>
    </message>
    <message>
        <source>A tag name can be at most {limit} characters (this one has {length}).</source>
        <translation>标签名称最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>A tag description can be at most {limit} characters (this one has {length}).</source>
        <translation>标签说明最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>There is already a tag category &quot;{name}&quot;.</source>
        <translation>已经有“{name}”这个标签分类了。</translation>
    </message>
    <message>
        <source>There is already a tag &quot;{name}&quot;.</source>
        <translation>已经有“{name}”这个标签了。</translation>
    </message>
    <message>
        <source>This tag category no longer exists.</source>
        <translation>这个标签分类已不存在。</translation>
    </message>
    <message>
        <source>This tag no longer exists.</source>
        <translation>这个标签已不存在。</translation>
    </message>
    <message>
        <source>Some of these tags no longer exist; nothing was changed.</source>
        <translation>其中有些标签已不存在，什么都没有修改。</translation>
    </message>
    <message>
        <source>Some of these customers no longer exist; nothing was changed.</source>
        <translation>其中有些客户已不存在，什么都没有修改。</translation>
    </message>
    <message>
        <source>Give the view a name.</source>
        <translation>请给视图起个名字。</translation>
    </message>
    <message>
        <source>A view name can be at most {limit} characters.</source>
        <translation>视图名称最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>There are already {limit} saved views; delete one first.</source>
        <translation>已经保存了 {limit} 个视图，请先删掉一个。</translation>
    </message>
    <message>
        <source>This view no longer exists.</source>
        <translation>这个视图已不存在。</translation>
    </message>
    <message>
        <source>A view &quot;{name}&quot; was saved since; rename or delete it first.</source>
        <translation>之后又保存了名为“{name}”的视图，请先改名或删掉它。</translation>
    </message>
    <message>
        <source>A deadline must be between 1 hour and {days} days.</source>
        <translation>时限要在 1 小时到 {days} 天之间。</translation>
    </message>
    <message>
        <source>This deadline rule no longer exists.</source>
        <translation>这条时限规则已经不存在了。</translation>
    </message>
    <message>
        <source>Unknown platform.</source>
        <translation>未知的平台。</translation>
    </message>
    <message>
        <source>A status change cannot be dated before the case&apos;s last change.</source>
        <translation>状态变更的时间不能早于上一次变更。</translation>
    </message>
    <message>
        <source>Choose the case&apos;s new status.</source>
        <translation>请选择售后单的新状态。</translation>
    </message>
    <message>
        <source>The case already has this status.</source>
        <translation>售后单已经是这个状态了。</translation>
    </message>
    <message>
        <source>A case cannot go straight to that status from the one it has now.</source>
        <translation>售后单不能从当前状态直接改成这个状态。</translation>
    </message>
    <message>
        <source>This case cannot be settled from the status it has now.</source>
        <translation>售后单在当前状态下还不能办结。</translation>
    </message>
    <message>
        <source>{name} is too large for a photo ({size} MB; at most {most} MB).</source>
        <translation>{name} 太大了，不像是照片（{size} MB，最多 {most} MB）。</translation>
    </message>
    <message>
        <source>{name} is no longer there (moved or deleted?).</source>
        <translation>找不到 {name} 了（被移走或删除了？）。</translation>
    </message>
    <message>
        <source>{name} is a folder, not a photo.</source>
        <translation>{name} 是文件夹，不是照片。</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}.</source>
        <translation>无法读取 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} claims to be an enormous picture, far larger than any photo (a decompression bomb?); it was not added.</source>
        <translation>{name} 声称是一张超大的图片，远超任何照片的尺寸（可能是恶意文件），没有添加。</translation>
    </message>
    <message>
        <source>{name} is a {format} image, which ShopDesk cannot keep. Save it as JPEG or PNG and add it again.</source>
        <translation>{name} 是 {format} 格式的图片，ShopDesk 无法保存。请另存为 JPEG 或 PNG 后再添加。</translation>
    </message>
    <message>
        <source>{name} is not a picture (or not one ShopDesk can read).</source>
        <translation>{name} 不是图片（或者是 ShopDesk 读不了的图片）。</translation>
    </message>
    <message>
        <source>{name} is damaged or incomplete (perhaps not fully downloaded): {reason}.</source>
        <translation>{name} 已损坏或不完整（可能没下载完）：{reason}。</translation>
    </message>
    <message>
        <source>“{kind}” is not a kind of photo.</source>
        <translation>“{kind}”不是照片类型。</translation>
    </message>
    <message>
        <source>A caption can be at most {limit} characters (this one has {length}).</source>
        <translation>说明最多 {limit} 个字（现在有 {length} 个）。</translation>
    </message>
    <message>
        <source>This after-sales case no longer exists.</source>
        <translation>这个售后单已经不存在了。</translation>
    </message>
    <message>
        <source>The photo {name} could not be saved in {folder}: {reason}.</source>
        <translation>照片 {name} 无法保存到 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>This photo is no longer on the case.</source>
        <translation>这张照片已经不在这个售后单里了。</translation>
    </message>
    <message>
        <source>There is no after-sales case {case_no}.</source>
        <translation>没有售后单 {case_no}。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>ShopDesk is open on the data folder {folder}. Close it, then leave team mode (or do it from Settings &gt; Team inside ShopDesk). Nothing was changed.</source>
        <translation>ShopDesk 正在使用数据文件夹 {folder}。请先关闭它再退出团队模式（或在 ShopDesk 的“设置 &gt; 团队”里操作）。没有做任何改动。</translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{path} is a folder; give --out a file name ending in {suffix}.</source>
        <translation>{path} 是一个文件夹；请给 --out 指定一个以 {suffix} 结尾的文件名。</translation>
    </message>
    <message>
        <source>Nothing called &quot;{kind}&quot; can be exported.</source>
        <translation>没有可导出的“{kind}”。</translation>
    </message>
    <message>
        <source>Choose at least the columns of the order number, the order status and the buyer.</source>
        <translation>至少要选择订单编号、订单状态和买家所在的列。</translation>
    </message>
    <message>
        <source>{name} is an order export without the buyer: it has no column for the buyer&apos;s nickname or the receiver (收货人). Download it again with the receiver&apos;s details included, or choose the columns yourself.</source>
        <translation>{name} 是一份没有买家信息的订单导出：里面既没有买家昵称列，也没有收货人列。请在导出时勾选收货人信息后重新下载，或者自己选择各列。</translation>
    </message>
    <message>
        <source>{name} does not look like an order export ShopDesk knows: no row names the order number, its status and the buyer. Choose the columns yourself.</source>
        <translation>{name} 不像店铺客服台认识的订单导出文件：没有哪一行同时写着订单编号、订单状态和买家。请自己选择各列。</translation>
    </message>
    <message>
        <source>{name} holds no rows.</source>
        <translation>{name} 里没有任何行。</translation>
    </message>
    <message>
        <source>{name} has a header row but no orders under it.</source>
        <translation>{name} 只有表头，下面没有订单。</translation>
    </message>
    <message>
        <source>Order {order_no} is left out: its row {row} cannot be used.</source>
        <translation>订单 {order_no} 未导入：它的第 {row} 行无法使用。</translation>
    </message>
    <message>
        <source>{name} is an item report (宝贝报表), which only Taobao and Tmall give; choose one of them as the platform.</source>
        <translation>{name} 是宝贝报表，只有淘宝和天猫提供这种文件；请把平台选为淘宝或天猫。</translation>
    </message>
    <message>
        <source>These files come from different platforms ({platforms}); import them one after another.</source>
        <translation>这些文件来自不同的平台（{platforms}），请逐个分别导入。</translation>
    </message>
    <message>
        <source>An item report (宝贝报表) only goes with Taobao or Tmall orders.</source>
        <translation>宝贝报表只能和淘宝或天猫的订单一起导入。</translation>
    </message>
    <message>
        <source>Order {order_no} is also in {other}; that file&apos;s row is used.</source>
        <translation>订单 {order_no} 在 {other} 里也有，以那个文件中的行为准。</translation>
    </message>
    <message>
        <source>Order {order_no} is not in ShopDesk yet: import its order report (订单报表) first, or both files together.</source>
        <translation>订单 {order_no} 还不在店铺客服台里：请先导入它的订单报表，或者把两个文件一起导入。</translation>
    </message>
    <message>
        <source>Another seat has been importing orders into the shop for more than {minutes} minutes, so this import did not start (nothing was changed). Try again when that import has finished.</source>
        <translation>另一台电脑往店里导入订单已经超过 {minutes} 分钟，所以这次导入没有开始（什么都没有改动）。请等那次导入完成后再试。</translation>
    </message>
    <message>
        <source>The order number is empty.</source>
        <translation>订单编号为空。</translation>
    </message>
    <message>
        <source>“{value}” is not an order number.</source>
        <translation>“{value}”不是有效的订单编号。</translation>
    </message>
    <message>
        <source>Order {order_no}: an item row has no title.</source>
        <translation>订单 {order_no}：有一行宝贝没有标题。</translation>
    </message>
    <message>
        <source>Unknown order status “{status}”.</source>
        <translation>无法识别的订单状态“{status}”。</translation>
    </message>
    <message>
        <source>The amount {amount} is negative.</source>
        <translation>金额 {amount} 是负数。</translation>
    </message>
    <message>
        <source>Order {order_no} names no buyer.</source>
        <translation>订单 {order_no} 没有买家。</translation>
    </message>
    <message>
        <source>Order {order_no} has no status.</source>
        <translation>订单 {order_no} 没有订单状态。</translation>
    </message>
    <message>
        <source>Order {order_no} names two buyers (“{first}” and “{second}”).</source>
        <translation>订单 {order_no} 出现了两个买家（“{first}”和“{second}”）。</translation>
    </message>
    <message>
        <source>Order {order_no} has no time placed.</source>
        <translation>订单 {order_no} 没有下单时间。</translation>
    </message>
    <message>
        <source>There is no column preset called “{name}”.</source>
        <translation>没有名为“{name}”的列预设。</translation>
    </message>
    <message>
        <source>Give the preset a name.</source>
        <translation>请给预设起个名字。</translation>
    </message>
    <message>
        <source>A preset name can be at most {limit} characters.</source>
        <translation>预设名称最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>{name} does not exist.</source>
        <translation>{name} 不存在。</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file.</source>
        <translation>{name} 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>Could not read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <source>{name} is larger than ShopDesk reads ({most} MB).</source>
        <translation>{name} 太大，店铺客服台最多读取 {most} MB。</translation>
    </message>
    <message>
        <source>{name} is password-protected or damaged. Open it in Excel or WPS, remove any password and save it as .xlsx (or .csv), then import that file.</source>
        <translation>{name} 设有密码或已损坏。请用 Excel 或 WPS 打开，去掉密码后另存为 .xlsx（或 .csv），再导入新文件。</translation>
    </message>
    <message>
        <source>{name} is not an Excel workbook: ShopDesk reads .xlsx, .xls and .ods files here.</source>
        <translation>{name} 不是 Excel 工作簿：这里只能读取 .xlsx、.xls 和 .ods 文件。</translation>
    </message>
    <message>
        <source>{name} is not a spreadsheet: ShopDesk reads .xlsx, .xls, .ods and .csv files.</source>
        <translation>{name} 不是表格文件：店铺客服台可读取 .xlsx、.xls、.ods 和 .csv 文件。</translation>
    </message>
    <message>
        <source>{name} could not be read as CSV: {reason}</source>
        <translation>{name} 无法按 CSV 读取：{reason}</translation>
    </message>
    <message>
        <source>This row has bytes that are not text in the file&apos;s encoding ({encoding}); it was saved by another program. Save the file again as UTF-8 and import it again.</source>
        <translation>这一行含有不符合文件编码（{encoding}）的字节，可能是被别的程序改存过。请把文件重新保存为 UTF-8 后再导入。</translation>
    </message>
    <message>
        <source>{name}, row {row}: a cell holds more than {most} characters; this is not an order export.</source>
        <translation>{name} 第 {row} 行：有单元格超过 {most} 个字符，这不是订单导出文件。</translation>
    </message>
    <message>
        <source>{name} has more than {most} rows. Split it (for example by month in the seller centre) and import the parts one after another.</source>
        <translation>{name} 超过 {most} 行。请拆分后（例如在卖家中心按月导出）依次导入。</translation>
    </message>
    <message>
        <source>{name} is a zip file, not an Excel workbook.</source>
        <translation>{name} 是压缩包，不是 Excel 工作簿。</translation>
    </message>
    <message>
        <source>{name} is damaged: it is not a complete Excel file ({reason}).</source>
        <translation>{name} 已损坏：不是完整的 Excel 文件（{reason}）。</translation>
    </message>
    <message>
        <source>{name} would unpack to far more data than an order export holds; ShopDesk does not open it.</source>
        <translation>{name} 解压后的数据量远超订单导出文件应有的大小，店铺客服台不会打开它。</translation>
    </message>
    <message>
        <source>{name} contains XML declarations that Excel never writes (a DTD); ShopDesk does not open it.</source>
        <translation>{name} 含有 Excel 从不写入的 XML 声明（DTD），店铺客服台不会打开它。</translation>
    </message>
    <message>
        <source>{name}: the sheet uses {count} columns; ShopDesk reads at most {most}. Delete the columns far to the right (or save the sheet as .csv) and import it again.</source>
        <translation>{name}：这张表用到了 {count} 列，店铺客服台最多读取 {most} 列。请删掉右侧多余的列（或另存为 .csv）后再导入。</translation>
    </message>
    <message>
        <source>{name}: the sheet spans {rows} rows by {columns} columns, more cells than ShopDesk reads at once ({most}). Delete the columns you do not need or split the file, and import the parts one after another.</source>
        <translation>{name}：这张表有 {rows} 行、{columns} 列，单元格数超过店铺客服台一次能读取的上限（{most}）。请删掉用不到的列，或把文件拆分后依次导入。</translation>
    </message>
    <message>
        <source>{name} is larger than ShopDesk reads in the old .xls format ({most} MB). Open it in Excel or WPS, save it as .xlsx and import that file.</source>
        <translation>{name} 太大：旧的 .xls 格式最多读取 {most} MB。请用 Excel 或 WPS 打开，另存为 .xlsx 后再导入。</translation>
    </message>
    <message>
        <source>{name} is damaged or not an Excel workbook ({reason}).</source>
        <translation>{name} 已损坏或不是 Excel 工作簿（{reason}）。</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name ending in .xlsx.</source>
        <translation>{path} 是文件夹，请选择以 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
        <source>The folder of {path} does not exist.</source>
        <translation>{path} 所在的文件夹不存在。</translation>
    </message>
    <message>
        <source>ShopDesk may not write {path}: {reason}</source>
        <translation>店铺客服台没有权限写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; is also the code of &quot;{other}&quot;.</source>
        <translation>编码“{code}”也是“{other}”的编码。</translation>
    </message>
    <message>
        <source>Remove the code from this phrase</source>
        <translation>去掉这条短语的编码</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; has full-width characters; an input method types &quot;{fixed}&quot;.</source>
        <translation>编码“{code}”含有全角字符，输入法打出的是“{fixed}”。</translation>
    </message>
    <message>
        <source>Change the code to &quot;{fixed}&quot;</source>
        <translation>把编码改成“{fixed}”</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; has capital letters; codes are typed in lower case.</source>
        <translation>编码“{code}”含有大写字母，编码一般用小写输入。</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; is the start of the code &quot;{longer}&quot;: typing one brings up the other too.</source>
        <translation>编码“{code}”是编码“{longer}”的开头：输入其中一个时另一个也会出现。</translation>
    </message>
    <message>
        <source>The phrase has no text.</source>
        <translation>短语没有内容。</translation>
    </message>
    <message>
        <source>Move the phrase to the trash</source>
        <translation>将短语移到回收站</translation>
    </message>
    <message>
        <source>The phrase has {length} characters; more than {limit} is hard to read in a chat window.</source>
        <translation>短语有 {length} 个字，超过 {limit} 个字在聊天窗口里很难读。</translation>
    </message>
    <message>
        <source>{placeholder} is not a placeholder ShopDesk knows; it is sent as written.</source>
        <translation>{placeholder} 不是 ShopDesk 认识的占位符，发送时会原样保留。</translation>
    </message>
    <message>
        <source>Change it to {fixed}</source>
        <translation>改成 {fixed}</translation>
    </message>
    <message>
        <source>The phrase has changed since it was checked; check again.</source>
        <translation>检查之后这条短语已被修改，请重新检查。</translation>
    </message>
    <message>
        <source>There is no automatic fix for this; edit the phrase.</source>
        <translation>这个问题无法自动修正，请手动编辑短语。</translation>
    </message>
    <message>
        <source>A phrase can be at most {limit} characters (this one has {length}).</source>
        <translation>一条短语最多 {limit} 个字（这条有 {length} 个）。</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; has a space in it; a code is typed as one word.</source>
        <translation>编码“{code}”中有空格，编码要连着输入，不能有空格。</translation>
    </message>
    <message>
        <source>A code can be at most {limit} characters (&quot;{code}&quot; has {length}).</source>
        <translation>编码最多 {limit} 个字符（“{code}”有 {length} 个）。</translation>
    </message>
    <message>
        <source>The position &quot;{position}&quot; is too large.</source>
        <translation>位置“{position}”太大了。</translation>
    </message>
    <message>
        <source>The group needs a name.</source>
        <translation>分组需要一个名称。</translation>
    </message>
    <message>
        <source>A group name can be at most {limit} characters (this one has {length}).</source>
        <translation>分组名称最多 {limit} 个字（这个有 {length} 个）。</translation>
    </message>
    <message>
        <source>There is already a group &quot;{name}&quot;.</source>
        <translation>已经有名为“{name}”的分组。</translation>
    </message>
    <message>
        <source>This group of phrases no longer exists.</source>
        <translation>这个短语分组已不存在。</translation>
    </message>
    <message>
        <source>This phrase no longer exists.</source>
        <translation>这条短语已不存在。</translation>
    </message>
    <message>
        <source>No phrase has the code &quot;{code}&quot;.</source>
        <translation>没有编码为“{code}”的短语。</translation>
    </message>
    <message>
        <source>This line has bytes that are not text in the file&apos;s encoding.</source>
        <translation>这一行含有不符合文件编码的字节，无法识别为文字。</translation>
    </message>
    <message>
        <source>There is no &quot;=&quot; in this line; a phrase is written code,position=text.</source>
        <translation>这一行没有“=”；短语的写法是 编码,位置=内容。</translation>
    </message>
    <message>
        <source>This line is not in the form code,position=text.</source>
        <translation>这一行不符合 编码,位置=内容 的格式。</translation>
    </message>
    <message>
        <source>The phrase has no code before the comma.</source>
        <translation>逗号前面没有编码。</translation>
    </message>
    <message>
        <source>The position &quot;{position}&quot; is not a whole number.</source>
        <translation>位置“{position}”不是整数。</translation>
    </message>
    <message>
        <source>Line {line} of this phrase has bytes that are not text in the file&apos;s encoding.</source>
        <translation>这条短语的第 {line} 行含有不符合文件编码的字节，无法识别为文字。</translation>
    </message>
    <message>
        <source>The starter phrases that came with ShopDesk cannot be read ({reason}); reinstall ShopDesk.</source>
        <translation>无法读取 ShopDesk 自带的常用短语（{reason}），请重新安装 ShopDesk。</translation>
    </message>
    <message>
        <source>{name} is not a text file (is it a picture, an archive or a program?).</source>
        <translation>{name} 不是文本文件（是不是图片、压缩包或程序？）。</translation>
    </message>
    <message>
        <source>{name} is too large for a phrase file (at most {most} MB).</source>
        <translation>{name} 太大，不像短语文件（最多 {most} MB）。</translation>
    </message>
    <message>
        <source>The file has {count} line(s) with errors; nothing was imported. Correct them, or import without them.</source>
        <translation>文件中有 {count} 行有错误，没有导入任何内容。请改正这些行，或选择跳过它们再导入。</translation>
    </message>
    <message>
        <source>Which column holds the phrases&apos; text? Choose it in the column mapping.</source>
        <translation>哪一列是短语内容？请在列对应中选择。</translation>
    </message>
    <message>
        <source>Line {line} of the CSV file cannot be read: {reason}.</source>
        <translation>CSV 文件第 {line} 行无法读取：{reason}。</translation>
    </message>
    <message>
        <source>{name} has more than {most} rows; split it into smaller files.</source>
        <translation>{name} 超过 {most} 行，请拆分成几个小文件。</translation>
    </message>
    <message>
        <source>{path} is not a ShopDesk backup ({reason}); nothing was changed.</source>
        <translation>{path} 不是店铺客服台的备份（{reason}），没有做任何改动。</translation>
    </message>
    <message>
        <source>{path} is not a ShopDesk backup; nothing was changed.</source>
        <translation>{path} 不是店铺客服台的备份，没有做任何改动。</translation>
    </message>
    <message>
        <source>The backup {path} is damaged ({reason}); nothing was changed.</source>
        <translation>备份 {path} 已损坏（{reason}），没有做任何改动。</translation>
    </message>
    <message>
        <source>The backup {path} was made by a newer ShopDesk (schema {found}; this version knows up to {known}). Update ShopDesk to restore it; nothing was changed.</source>
        <translation>备份 {path} 由更新版本的店铺客服台制作（数据结构版本 {found}，本版本最高支持 {known}）。请先升级软件再恢复；没有做任何改动。</translation>
    </message>
    <message>
        <source>The archive {path} was made by a newer ShopDesk; update ShopDesk to restore it. Nothing was changed.</source>
        <translation>归档文件 {path} 由更新版本的店铺客服台制作，请先升级软件再恢复。没有做任何改动。</translation>
    </message>
    <message>
        <source>The backup {path} holds a file that is not a photo ShopDesk can keep: {problem} Nothing was changed.</source>
        <translation>备份 {path} 中有一个文件不是店铺客服台能保存的照片：{problem} 未做任何改动。</translation>
    </message>
    <message>
        <source>The backup could not be unpacked into {folder}: {reason}. Nothing was changed.</source>
        <translation>无法把备份解压到 {folder}：{reason}。没有做任何改动。</translation>
    </message>
    <message>
        <source>The current database is in use or cannot be read ({reason}); close every ShopDesk and try again. Nothing was changed.</source>
        <translation>当前数据库正在使用中或无法读取（{reason}），请关闭所有店铺客服台窗口后再试。没有做任何改动。</translation>
    </message>
    <message>
        <source>The current database is in use; close every ShopDesk and try again. Nothing was changed.</source>
        <translation>当前数据库正在使用中，请关闭所有店铺客服台窗口后再试。没有做任何改动。</translation>
    </message>
    <message>
        <source>There is not enough free space in {folder} to restore this backup ({need} MB needed, {free} MB free). Nothing was changed.</source>
        <translation>{folder} 的剩余空间不足以恢复这份备份（需要 {need} MB，剩余 {free} MB）。没有做任何改动。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>ShopDesk is open on the data folder {folder}. Close it, then restore (or restore from Settings &gt; Backups inside ShopDesk). Nothing was changed.</source>
        <translation>店铺客服台正在使用数据文件夹 {folder}。请先关闭它再恢复（或在软件内的“设置 &gt; 备份”中恢复）。没有做任何改动。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>A review covers at most ten years.</source>
        <translation>复盘的期间最长十年。</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name ending in .xlsx.</source>
        <translation>{path} 是一个文件夹；请给出以 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
        <source>The workbook could not be written to {path}: {reason}.</source>
        <translation>工作簿无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Give --out a file name ending in .xlsx (Excel) or .txt (Sogou phrase file).</source>
        <translation>--out 请给出以 .xlsx（Excel）或 .txt（搜狗短语文件）结尾的文件名。</translation>
    </message>
    <message>
        <source>--set &quot;{pair}&quot;: write it as NAME=VALUE, e.g. --set 优惠金额=5.</source>
        <translation>--set &quot;{pair}&quot;：请写成 名称=值，例如 --set 优惠金额=5。</translation>
    </message>
    <message>
        <source>The phrase cannot be filled in; missing: {missing}. {hint}</source>
        <translation>短语无法填写完整，缺少：{missing}。{hint}</translation>
    </message>
    <message>
        <source>There is no customer called &quot;{nickname}&quot;.</source>
        <translation>没有名为“{nickname}”的客户。</translation>
    </message>
    <message>
        <source>Several customers are called &quot;{nickname}&quot; (on {platforms}); the phrase cannot tell which one is meant.</source>
        <translation>有多位客户叫“{nickname}”（{platforms}），无法确定是哪一位。</translation>
    </message>
    <message>
        <source>“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01.</source>
        <translation>“{text}”不是日期；请写成 YYYY-MM-DD，例如 2026-11-01。</translation>
    </message>
    <message>
        <source>There is no platform “{name}”; use one of {names}.</source>
        <translation>没有“{name}”这个平台；请用以下之一：{names}。</translation>
    </message>
    <message>
        <source>--from, --to and --platform are for `shopdesk export review` only.</source>
        <translation>--from、--to 和 --platform 只用于 `shopdesk export review`。</translation>
    </message>
    <message>
        <source>{name} is not a customer list exported by ShopDesk: no Nickname and Platform columns were found.</source>
        <translation>{name} 不是店铺客服台导出的客户表：没有找到“昵称”和“平台”两列。</translation>
    </message>
    <message>
        <source>{nickname} on {platform} is in the file twice.</source>
        <translation>{platform} 上的 {nickname} 在文件里出现了两次。</translation>
    </message>
    <message>
        <source>The row has no nickname.</source>
        <translation>这一行没有昵称。</translation>
    </message>
    <message>
        <source>“{value}” is not a platform ShopDesk knows.</source>
        <translation>“{value}”不是店铺客服台认识的平台。</translation>
    </message>
    <message>
        <source>“{value}” is not a customer group.</source>
        <translation>“{value}”不是客户分组。</translation>
    </message>
    <message>
        <source>There is no tag called “{name}”; add it under Manage tags first.</source>
        <translation>没有叫“{name}”的标签；请先在“管理标签”里添加。</translation>
    </message>
    <message>
        <source>“{text}” is more money than ShopDesk records in one amount (at most {most} yuan).</source>
        <translation>“{text}”超出了店铺客服台单笔金额的上限（最多 {most} 元）。</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name.</source>
        <translation>{path} 是文件夹，请选择一个文件名。</translation>
    </message>
    <message>
        <source>{name} is not an ordinary file (a pipe, a device or a socket?); ShopDesk only uses ordinary files.</source>
        <translation>{name} 不是普通文件（可能是管道、设备或套接字）；店铺客服台只读写普通文件。</translation>
    </message>
    <message>
        <source>case {case_no} was changed meanwhile.</source>
        <translation>售后单 {case_no} 在此期间已被改动。</translation>
    </message>
    <message>
        <source>The group &quot;{name}&quot; has other phrases in it now.</source>
        <translation>分组“{name}”里现在还有其他短语。</translation>
    </message>
    <message>
        <source>This was changed by {staff} at {time} after you opened it.</source>
        <translation>您打开之后，{staff} 在 {time} 修改过这条记录。</translation>
    </message>
    <message>
        <source>This was changed at {time} (on another desk or window) after you opened it.</source>
        <translation>您打开之后，这条记录在 {time} 被修改过（在另一台电脑或另一个窗口）。</translation>
    </message>
    <message>
        <source>This was deleted meanwhile (on another desk or window); nothing was saved.</source>
        <translation>这条记录已被删除（在另一台电脑或另一个窗口），没有保存任何内容。</translation>
    </message>
    <message>
        <source>Not saved: the form shows their version now.</source>
        <translation>未保存：表单现在显示的是对方修改后的内容。</translation>
    </message>
    <message>
        <source>Not saved: this was changed meanwhile. Save again to choose whose version to keep.</source>
        <translation>未保存：这条记录已被他人修改。再次保存即可选择保留谁的内容。</translation>
    </message>
    <message>
        <source>{url} is not a server address. Give it as postgresql://user@host:5432/database.</source>
        <translation>{url} 不是服务器地址。请写成 postgresql://用户@主机:5432/数据库 的形式。</translation>
    </message>
    <message>
        <source>The server address {url} cannot be read: {reason}</source>
        <translation>无法识别服务器地址 {url}：{reason}</translation>
    </message>
    <message>
        <source>The server address {url} must name the user and the database: postgresql://user@host:5432/database.</source>
        <translation>服务器地址 {url} 必须写明用户名和数据库名：postgresql://用户名@主机:5432/数据库名。</translation>
    </message>
    <message>
        <source>The port in {url} is not a number.</source>
        <translation>{url} 里的端口不是数字。</translation>
    </message>
    <message>
        <source>ShopDesk cannot reach the shop&apos;s server {server}: {reason}. Check that the server is running, the address and the password, and the network.</source>
        <translation>店铺客服台连不上店铺的服务器 {server}：{reason}。请确认服务器已启动，地址和密码无误，网络畅通。</translation>
    </message>
    <message>
        <source>The server {server} runs PostgreSQL {version}; ShopDesk needs PostgreSQL 15 or newer. Update the server and try again.</source>
        <translation>服务器 {server} 运行的是 PostgreSQL {version}，店铺客服台需要 PostgreSQL 15 或更高版本。请升级服务器后再试。</translation>
    </message>
    <message>
        <source>The shop on the server was updated by a newer ShopDesk (schema {found}; this version knows up to {known}). Update ShopDesk on this computer to work with it.</source>
        <translation>服务器上的店铺已被更新版本的店铺客服台升级（数据结构版本 {found}，本版本最高支持 {known}）。请先升级这台电脑上的店铺客服台再使用。</translation>
    </message>
    <message>
        <source>The connection to the shop&apos;s server {server} broke while a change was being saved. The server keeps a change whole or not at all: reload to see whether it was saved. Check that the server is running and the network is up.</source>
        <translation>保存修改时与店铺服务器 {server} 的连接断开了。服务器上的一次修改要么完整保存，要么完全没有保存：请刷新看看是否已保存。请确认服务器已启动、网络畅通。</translation>
    </message>
    <message>
        <source>The connection to the shop&apos;s server {server} broke, so this change was not saved (nothing of it was written). Check that the server is running and the network is up, then try again.</source>
        <translation>与店铺服务器 {server} 的连接断开了，这次修改没有保存（一点也没有写入）。请确认服务器已启动、网络畅通后再试。</translation>
    </message>
    <message>
        <source>The shop&apos;s server is busy: another seat is changing the same records. Nothing was changed; try again in a moment.</source>
        <translation>店铺服务器正忙：另一台电脑正在修改同样的记录。没有做任何改动，请稍后再试。</translation>
    </message>
    <message>
        <source>The shop&apos;s server {server} has no disk space left, so this change was not saved. Ask whoever looks after the server to free some space.</source>
        <translation>店铺服务器 {server} 的磁盘已满，这次修改没有保存。请联系管理服务器的人腾出空间。</translation>
    </message>
    <message>
        <source>The database {server} holds no ShopDesk shop. Make one there first with: shopdesk team init postgresql://...</source>
        <translation>数据库 {server} 里没有店铺客服台的店铺。请先用以下命令建立：shopdesk team init postgresql://...</translation>
    </message>
    <message>
        <source>{path} should say which server the shop is on, but it cannot be read ({reason}). Join the server again with: shopdesk team join postgresql://...</source>
        <translation>{path} 应记录店铺所在的服务器，但无法读取（{reason}）。请用以下命令重新加入：shopdesk team join postgresql://...</translation>
    </message>
    <message>
        <source>ShopDesk cannot reach the shop&apos;s server {server}: {reason}. Its password is kept in the system&apos;s keyring, which gave none on this computer now (no keyring answers, it is locked, or the password was removed from it). Unlock the keyring (log in to the desktop) and try again, or keep the password in libpq&apos;s password file {pgpass} instead.</source>
        <translation>店铺客服台连不上店铺的服务器 {server}：{reason}。服务器密码保存在系统钥匙串里，但这台电脑上的钥匙串现在没有给出密码（没有可用的钥匙串、钥匙串已锁定，或其中的密码已被删除）。请解锁钥匙串（登录桌面）后重试，或改把密码保存在 libpq 的密码文件 {pgpass} 中。</translation>
    </message>
    <message>
        <source>The data folder {folder} already works with the shop on the server {server}. Use another data folder (--data-dir) for another shop.</source>
        <translation>数据文件夹 {folder} 已经在使用服务器 {server} 上的店铺。另一个店铺请用另一个数据文件夹（--data-dir）。</translation>
    </message>
    <message>
        <source>The database {server} already holds a ShopDesk shop. To work with it from this computer, join it: shopdesk team join postgresql://...</source>
        <translation>数据库 {server} 里已经有店铺客服台的店铺。要在这台电脑上使用它，请加入：shopdesk team join postgresql://...</translation>
    </message>
    <message>
        <source>The database {server} already holds other data ({tables}). Make the shop in a new, empty database (CREATE DATABASE shop OWNER ...).</source>
        <translation>数据库 {server} 里已经有其他数据（{tables}）。请在一个新建的空数据库里建立店铺（CREATE DATABASE shop OWNER ...）。</translation>
    </message>
    <message>
        <source>The user {user} may not create tables and extensions in the database {server}: {reason}. Make the user the database&apos;s owner and try again; nothing was created.</source>
        <translation>用户 {user} 无权在数据库 {server} 中创建表和扩展：{reason}。请把该用户设为数据库的所有者后再试；没有创建任何内容。</translation>
    </message>
    <message>
        <source>The data folder {folder} already works with a local shop; there is no team mode to leave.</source>
        <translation>数据文件夹 {folder} 本来就在使用本地店铺，不需要退出团队模式。</translation>
    </message>
    <message>
        <source>The data folder {folder} has no local shop to go back to ({reason}); it still works with the shop on {server}. Write the server&apos;s shop down first (shopdesk team export-local), then leave with: shopdesk team leave --from FILE</source>
        <translation>数据文件夹 {folder} 里没有可以改回去的本地店铺（{reason}）；它仍在使用 {server} 上的店铺。请先把服务器上的店铺写到本地（shopdesk team export-local），再用这条命令退出：shopdesk team leave --from 文件</translation>
    </message>
    <message>
        <source>The data folder {folder} works with a local shop, not with a server. Make the shop on the server first (shopdesk team init postgresql://...) or join one (shopdesk team join postgresql://...).</source>
        <translation>数据文件夹 {folder} 用的是本机店铺，不是服务器上的店铺。请先在服务器上建店（shopdesk team init postgresql://...）或加入已有的店（shopdesk team join postgresql://...）。</translation>
    </message>
    <message>
        <source>The connection to the server {server} broke just as the move was being finished, so ShopDesk cannot tell whether the server kept it (it keeps a move whole or not at all). Check with: shopdesk team status, and move again if needed.</source>
        <translation>搬迁即将完成时与服务器 {server} 的连接断了，店铺客服台无法确定服务器是否已保存（服务器要么完整保存，要么完全不存）。请用 shopdesk team status 查看，必要时重新搬迁。</translation>
    </message>
    <message>
        <source>The connection to the server {server} broke during the move. The server keeps nothing of an unfinished move: its shop is exactly as it was before. Check that the server is running, then move again.</source>
        <translation>搬迁过程中与服务器 {server} 的连接断了。没搬完的内容服务器一条也不会留下：服务器上的店铺和搬迁前完全一样。请确认服务器在运行，然后重新搬迁。</translation>
    </message>
    <message>
        <source>There is no ShopDesk database at {path}.</source>
        <translation>{path} 处没有店铺客服台数据库。</translation>
    </message>
    <message>
        <source>{path} holds no ShopDesk shop ({reason}); nothing was moved.</source>
        <translation>{path} 里没有店铺客服台的店铺数据（{reason}），什么都没有搬。</translation>
    </message>
    <message>
        <source>The local shop {path} is damaged ({problem}); nothing was moved. Put a good backup back first (shopdesk restore).</source>
        <translation>本机店铺 {path} 已损坏（{problem}），什么都没有搬。请先恢复一份完好的备份（shopdesk restore）。</translation>
    </message>
    <message>
        <source>{path} was written by a newer ShopDesk (schema {found}; this version knows up to {known}). Update ShopDesk to move it.</source>
        <translation>{path} 是由更新版本的店铺客服台写入的（结构版本 {found}，本版本最多认识到 {known}）。请先升级店铺客服台再搬迁。</translation>
    </message>
    <message>
        <source>The shop on the server {server} already holds data ({rows} customers, orders, notes and cases). Nothing was moved. To replace it with the local shop, move again with --replace.</source>
        <translation>服务器 {server} 上的店铺已经有数据（客户、订单、备注和售后单共 {rows} 条），什么都没有搬。如要用本机店铺替换它，请加上 --replace 再搬一次。</translation>
    </message>
    <message>
        <source>The table {table} has other columns on the server than in the local shop; nothing was moved.</source>
        <translation>表 {table} 在服务器上的字段和本机店铺不一致，什么都没有搬。</translation>
    </message>
    <message>
        <source>The table {table} did not arrive whole on the server; nothing was moved.</source>
        <translation>表 {table} 没有完整到达服务器，什么都没有搬。</translation>
    </message>
    <message>
        <source>Another seat is working with the shop on the server {server}, so it cannot be replaced now; nothing was moved. Close ShopDesk on the other seats and move again.</source>
        <translation>另一个座席正在使用服务器 {server} 上的店铺，现在无法替换，什么都没有搬。请关闭其他座席上的店铺客服台，然后重新搬迁。</translation>
    </message>
    <message>
        <source>A row of {table} cannot be kept on the server ({reason}); nothing was moved. Correct it in the local shop (shopdesk check names such rows) and move again.</source>
        <translation>表 {table} 中有一行数据服务器无法保存（{reason}），什么都没有搬。请在本机店铺里改正它（shopdesk check 会列出这样的行），然后重新搬迁。</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name ending in {suffix}.</source>
        <translation>{path} 是一个文件夹，请给出以 {suffix} 结尾的文件名。</translation>
    </message>
    <message>
        <source>The table {table} has other columns on the server than in a local shop; nothing was exported.</source>
        <translation>表 {table} 在服务器上的字段和本机店铺不一致，什么都没有导出。</translation>
    </message>
    <message>
        <source>The shop on the server does not hold together ({problem}); nothing was exported.</source>
        <translation>服务器上的店铺数据前后对不上（{problem}），什么都没有导出。</translation>
    </message>
    <message>
        <source>The exported shop failed its check ({problem}) and was not kept.</source>
        <translation>导出的店铺没有通过检查（{problem}），已丢弃。</translation>
    </message>
</context>
</TS>
