<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Log a visit</source>
        <translation>记录拜访</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>记录电话</translation>
    </message>
    <message>
        <source>Log an activity</source>
        <translation>记录跟进</translation>
    </message>
    <message>
        <source>(no contact)</source>
        <translation>（无联系人）</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>跟进内容</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>ActivityListModel</name>
    <message>
        <source>Outcome: {text}</source>
        <translation>结果：{text}</translation>
    </message>
    <message>
        <source>Next step: {text}</source>
        <translation>下一步：{text}</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <source>Select a customer to see its details</source>
        <translation>选择一个客户以查看详情</translation>
    </message>
    <message>
        <source>Registration:</source>
        <translation>注册状态：</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>What is missing before registration</source>
        <translation>注册前还缺少的信息</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Stated need</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Log a visit</source>
        <translation>记录拜访</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>记录电话</translation>
    </message>
    <message>
        <source>Nothing logged yet.</source>
        <translation>尚无跟进记录。</translation>
    </message>
    <message>
        <source>Registration is decided by the customer administrator and arrives by sync</source>
        <translation>注册状态由客户管理员审核决定，通过同步获得</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Contacts ({n})</source>
        <translation>联系人（{n}）</translation>
    </message>
    <message>
        <source>Activities ({n})</source>
        <translation>跟进记录（{n}）</translation>
    </message>
    <message>
        <source>✓ Ready to register</source>
        <translation>✓ 信息完整，可以注册</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Remove the contact {name}?</source>
        <translation>删除联系人 {name}？</translation>
    </message>
    <message>
        <source>ERPDesk</source>
        <translation>ERPDesk</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>Edit customer – {name}</source>
        <translation>编辑客户 – {name}</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Full registered name, e.g. 浪潮电子信息产业股份有限公司</source>
        <translation>工商注册全称，例如：浪潮电子信息产业股份有限公司</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91370000163446410B</source>
        <translation>18位，例如：91370000163446410B</translation>
    </message>
    <message>
        <source>e.g. referred by 海尔 Qingdao office</source>
        <translation>例如：海尔青岛办事处介绍</translation>
    </message>
    <message>
        <source>What the customer wants to solve (required for registration)</source>
        <translation>客户希望解决的问题（注册时必填）</translation>
    </message>
    <message>
        <source>Full name *</source>
        <translation>客户名称 *</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Source detail</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Stated need</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>注册状态</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>This company is already a customer: open it instead</source>
        <translation>该公司已是客户：请打开它，不要重复新建</translation>
    </message>
    <message>
        <source>Same company: {name} has this USCC</source>
        <translation>同一家公司：{name} 的统一社会信用代码与此相同</translation>
    </message>
    <message>
        <source>Same company: {name} has this name</source>
        <translation>同一家公司：{name} 的名称与此相同</translation>
    </message>
    <message>
        <source>Possible duplicate: {name} has the same name but another USCC ({uscc})</source>
        <translation>可能重复：{name} 名称相同，但统一社会信用代码不同（{uscc}）</translation>
    </message>
    <message>
        <source>Possible duplicate: {name} has the same name but for the region</source>
        <translation>可能重复：{name} 除地区外名称相同</translation>
    </message>
    <message>
        <source>Possible duplicate: {name} ({score}% similar)</source>
        <translation>可能重复：{name}（相似度 {score}%）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Show this customer</source>
        <translation>显示这个客户</translation>
    </message>
    <message>
        <source>A possible duplicate is for you to check: if this is another company, save it as it is.</source>
        <translation>可能重复的客户需要您核实：如果这是另一家公司，直接保存即可。</translation>
    </message>
    <message>
        <source>Unsaved changes from {time} were found. Restore them?</source>
        <translation>发现 {time} 未保存的修改，是否恢复？</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Discard the changes to this customer?</source>
        <translation>放弃对这个客户的修改？</translation>
    </message>
</context>
<context>
    <name>CustomerListPage</name>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>Search: name, pinyin initials (lc = 浪潮), phone, USCC</source>
        <translation>搜索：名称、拼音首字母（lc = 浪潮）、电话、统一社会信用代码</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>全部省份</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Delete the customer {name} with its contacts and activities?</source>
        <translation>删除客户 {name} 及其联系人和跟进记录？</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Full name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>注册状态</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>ERPDesk needs a display and none was found (DISPLAY is not set). Start it in a desktop session, or under a virtual display: xvfb-run erpdesk; erpdesk --screenshot FILE draws the window into a PNG without a display</source>
        <translation>ERPDesk 需要显示器，但没有找到（未设置 DISPLAY）。请在桌面会话中启动，或在虚拟显示器下运行：xvfb-run erpdesk；erpdesk --screenshot FILE 可在没有显示器时把窗口画成 PNG 图片</translation>
    </message>
    <message>
        <source>The window cannot open: the system libraries {missing} are missing; install them: sudo apt-get install {packages}</source>
        <translation>无法打开窗口：缺少系统库 {missing}；请安装：sudo apt-get install {packages}</translation>
    </message>
    <message>
        <source>Warning: no Chinese font was found, so Chinese text may show as boxes; install one: sudo apt-get install fonts-noto-cjk</source>
        <translation>警告：未找到中文字体，中文可能显示为方框；请安装：sudo apt-get install fonts-noto-cjk</translation>
    </message>
    <message>
        <source>ERPDesk</source>
        <translation>ERPDesk</translation>
    </message>
    <message>
        <source>The newest backup is {name}, saved {saved}. Restore it? The damaged file is kept beside it as {file}.damaged-&lt;time&gt;; changes made after the backup are not in it.</source>
        <translation>最新的备份是 {name}，保存于 {saved}。要恢复它吗？损坏的文件会保留在原处，名为 {file}.damaged-&lt;时间&gt;；备份之后所做的更改不在备份中。</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Sales funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation>客户关系</translation>
    </message>
    <message>
        <source>Presales</source>
        <translation>售前支持</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>ERPDesk</source>
        <translation>ERPDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
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
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;About ERPDesk</source>
        <translation>关于 ERPDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Not connected to the customer registry</source>
        <translation>未连接客户注册中心</translation>
    </message>
    <message>
        <source>Counting customers…</source>
        <translation>正在统计客户数…</translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation>共 1 个客户</translation>
    </message>
    <message>
        <source>{n} customers</source>
        <translation>共 {n} 个客户</translation>
    </message>
    <message>
        <source>No changes waiting to sync</source>
        <translation>没有待同步的修改</translation>
    </message>
    <message>
        <source>1 change waiting to sync</source>
        <translation>1 项修改待同步</translation>
    </message>
    <message>
        <source>{n} changes waiting to sync</source>
        <translation>{n} 项修改待同步</translation>
    </message>
    <message>
        <source>About ERPDesk</source>
        <translation>关于 ERPDesk</translation>
    </message>
    <message>
        <source>ERPDesk: the offline-first workbench for ERP sales.
Customers, the sales funnel, relationships, presales and quotes.</source>
        <translation>ERPDesk：离线优先的 ERP 销售工作台。
客户、销售漏斗、客户关系、售前支持与报价。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming in a later version.</source>
        <translation>将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The window changes language at once.</source>
        <translation>界面语言立即切换。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
</TS>
