<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Domain</name>
    <message>
        <source>The sales ability is a whole number from {low} to {high}, not {value}</source>
        <translation>销售能力为 {low} 到 {high} 之间的整数，不能是 {value}</translation>
    </message>
    <message>
        <source>Unknown industry {value}; use one of: {allowed}</source>
        <translation>未知行业 {value}；可选：{allowed}</translation>
    </message>
    <message>
        <source>Unknown size band {value}; use one of: {allowed}</source>
        <translation>未知规模 {value}；可选：{allowed}</translation>
    </message>
    <message>
        <source>At most {max} regions, not {count}</source>
        <translation>最多 {max} 个区域，现为 {count} 个</translation>
    </message>
    <message>
        <source>A region is a province or city name, not {value}</source>
        <translation>区域应为省份或城市名称，不能是 {value}</translation>
    </message>
    <message>
        <source>A region has at most {max} characters: {value}</source>
        <translation>区域名称最多 {max} 个字符：{value}</translation>
    </message>
    <message>
        <source>A region cannot contain control characters: {value}</source>
        <translation>区域名称不能包含控制字符：{value}</translation>
    </message>
    <message>
        <source>A reason is required</source>
        <translation>请填写原因</translation>
    </message>
    <message>
        <source>At most {max} characters</source>
        <translation>最多 {max} 个字符</translation>
    </message>
    <message>
        <source>Name the rep to allocate to</source>
        <translation>请指定要分配给的销售代表</translation>
    </message>
    <message>
        <source>{rep} is not an active sales rep</source>
        <translation>{rep} 不是在职的销售代表</translation>
    </message>
    <message>
        <source>A {field} is required</source>
        <translation>请填写 {field}</translation>
    </message>
    <message>
        <source>At most {max} characters are allowed here, not {length}</source>
        <translation>此处最多 {max} 个字符，现为 {length} 个</translation>
    </message>
    <message>
        <source>Unknown outcome {value}; use one of: {outcomes}</source>
        <translation>未知结果 {value}；可选：{outcomes}</translation>
    </message>
    <message>
        <source>{value} is not a province of China</source>
        <translation>{value} 不是中国的省份</translation>
    </message>
    <message>
        <source>{value} is not a phone number (a mobile, or an area code and number)</source>
        <translation>{value} 不是电话号码（应为手机号，或区号加号码）</translation>
    </message>
    <message>
        <source>There is no phone number: neither the company&apos;s nor a contact&apos;s</source>
        <translation>没有电话号码：公司和联系人都没有</translation>
    </message>
</context>
<context>
    <name>Registry</name>
    <message>
        <source>A user name has 2-64 characters: letters a-z, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit; not {name!r}</source>
        <translation>用户名为 2–64 个字符：字母 a-z、数字、“.”、“_”或“-”，以字母或数字开头；{name!r} 不符合</translation>
    </message>
    <message>
        <source>Unknown role {role}; the roles are: {roles}</source>
        <translation>未知角色 {role}；可用角色：{roles}</translation>
    </message>
    <message>
        <source>User {name} was not found</source>
        <translation>用户 {name} 不存在</translation>
    </message>
    <message>
        <source>The display name (100) or team (64) is too long</source>
        <translation>显示名称（最多 100 字）或团队（最多 64 字）过长</translation>
    </message>
    <message>
        <source>Only a presales user can be a presales lead</source>
        <translation>只有售前用户才能担任售前负责人</translation>
    </message>
    <message>
        <source>A presales lead needs a team</source>
        <translation>售前负责人必须属于一个团队</translation>
    </message>
    <message>
        <source>The user {name} exists already</source>
        <translation>用户 {name} 已存在</translation>
    </message>
    <message>
        <source>{name} is not a sales rep (role {role}): only reps have an allocation profile</source>
        <translation>{name} 不是销售代表（角色 {role}）：只有销售代表有分配档案</translation>
    </message>
    <message>
        <source>Unknown status {status}; use one of: {statuses}</source>
        <translation>未知状态 {status}；可选：{statuses}</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>该客户</translation>
    </message>
    <message>
        <source>Only a protected customer can be exempt from release to the pool</source>
        <translation>只有受保护的客户才能免于释放到公海</translation>
    </message>
    <message>
        <source>This customer is already exempt</source>
        <translation>该客户已免于释放</translation>
    </message>
    <message>
        <source>{rep} holds {held} customers, the most allowed ({cap})</source>
        <translation>{rep} 已持有 {held} 个客户，达到上限（{cap}）</translation>
    </message>
    <message>
        <source>The registration</source>
        <translation>该注册申请</translation>
    </message>
    <message>
        <source>This registration was already decided ({status})</source>
        <translation>该注册申请已有结论（{status}）</translation>
    </message>
    <message>
        <source>Another customer took this company at the same moment</source>
        <translation>另一客户同时占用了该公司</translation>
    </message>
    <message>
        <source>Call the registration back before allocating this customer</source>
        <translation>请先回访该注册申请，再分配此客户</translation>
    </message>
    <message>
        <source>This customer was never registered; a rep registers it first</source>
        <translation>该客户从未注册；请先由销售代表注册</translation>
    </message>
    <message>
        <source>This customer was found invalid; it cannot be allocated</source>
        <translation>该客户已被判定无效，不能分配</translation>
    </message>
    <message>
        <source>This customer is not exempt</source>
        <translation>该客户未免于释放</translation>
    </message>
    <message>
        <source>The customer is already in the pool</source>
        <translation>该客户已在公海中</translation>
    </message>
    <message>
        <source>{rep} already holds this customer</source>
        <translation>{rep} 已持有该客户</translation>
    </message>
    <message>
        <source>Send the sync protocol version in the {header} header</source>
        <translation>请在 {header} 请求头中发送同步协议版本</translation>
    </message>
    <message>
        <source>This field is required</source>
        <translation>此项必填</translation>
    </message>
    <message>
        <source>This field is not known here</source>
        <translation>此处不接受该字段</translation>
    </message>
    <message>
        <source>This should be a text</source>
        <translation>应为文本</translation>
    </message>
    <message>
        <source>At least {min_length} characters</source>
        <translation>至少 {min_length} 个字符</translation>
    </message>
    <message>
        <source>At most {max_length} characters</source>
        <translation>最多 {max_length} 个字符</translation>
    </message>
    <message>
        <source>This text has the wrong form</source>
        <translation>文本格式不正确</translation>
    </message>
    <message>
        <source>This should be a whole number</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <source>This should be a number</source>
        <translation>应为数字</translation>
    </message>
    <message>
        <source>This should be true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <source>This should be a date and time (ISO 8601)</source>
        <translation>应为日期时间（ISO 8601）</translation>
    </message>
    <message>
        <source>This should be one of: {expected}</source>
        <translation>应为以下之一：{expected}</translation>
    </message>
    <message>
        <source>This should be at least {ge}</source>
        <translation>不能小于 {ge}</translation>
    </message>
    <message>
        <source>This should be at most {le}</source>
        <translation>不能大于 {le}</translation>
    </message>
    <message>
        <source>This should be more than {gt}</source>
        <translation>应大于 {gt}</translation>
    </message>
    <message>
        <source>This should be less than {lt}</source>
        <translation>应小于 {lt}</translation>
    </message>
    <message>
        <source>At least {min_length} items</source>
        <translation>至少 {min_length} 项</translation>
    </message>
    <message>
        <source>At most {max_length} items</source>
        <translation>最多 {max_length} 项</translation>
    </message>
    <message>
        <source>This should be a list</source>
        <translation>应为列表</translation>
    </message>
    <message>
        <source>This should be an object</source>
        <translation>应为对象</translation>
    </message>
    <message>
        <source>This should be a UUID</source>
        <translation>应为 UUID</translation>
    </message>
    <message>
        <source>This text contains a NUL character (\0), which cannot be stored</source>
        <translation>文本中含有 NUL 字符（\0），无法保存</translation>
    </message>
    <message>
        <source>This text is not valid Unicode (it holds a lone surrogate such as \ud800) and cannot be stored</source>
        <translation>文本不是有效的 Unicode（含有单独的代理字符，如 \ud800），无法保存</translation>
    </message>
    <message>
        <source>The request body is not valid JSON</source>
        <translation>请求体不是有效的 JSON</translation>
    </message>
    <message>
        <source>The request is not valid HTTP (its request line, a header or the Content-Length); nothing was done</source>
        <translation>请求不是有效的 HTTP（请求行、某个请求头或 Content-Length 有误）；未做任何处理</translation>
    </message>
    <message>
        <source>Only a team&apos;s presales lead, a manager or an administrator lists the consultants</source>
        <translation>只有团队的售前负责人、销售经理或管理员可以查看顾问列表</translation>
    </message>
    <message>
        <source>The name or credit code is too long</source>
        <translation>名称或信用代码过长</translation>
    </message>
    <message>
        <source>Give a company name or a credit code to check</source>
        <translation>请提供要查重的公司名称或信用代码</translation>
    </message>
    <message>
        <source>The registry&apos;s packages are not installed (missing: {missing}); install them with: pip install &apos;erpdesk[registry]&apos; (in a checkout: pip install -e &apos;.[registry]&apos;)</source>
        <translation>未安装客户登记服务所需的软件包（缺少：{missing}）；请用以下命令安装：pip install &apos;erpdesk[registry]&apos;（在源码目录中：pip install -e &apos;.[registry]&apos;）</translation>
    </message>
    <message>
        <source>added {name} ({role})</source>
        <translation>已添加 {name}（{role}）</translation>
    </message>
    <message>
        <source>changed the password of {name}; its sign-ins were ended</source>
        <translation>已修改 {name} 的密码；其所有登录已结束</translation>
    </message>
    <message>
        <source>{name} is disabled</source>
        <translation>{name} 已停用</translation>
    </message>
    <message>
        <source>{name} is enabled</source>
        <translation>{name} 已启用</translation>
    </message>
    <message>
        <source>forgot {count} applied sync ops</source>
        <translation>已清除 {count} 条已应用的同步操作</translation>
    </message>
    <message>
        <source>forgot {count} access changes (a desk that synced before them pulls everything again)</source>
        <translation>已清除 {count} 条访问变更（在此之前同步的客户端将重新拉取全部数据）</translation>
    </message>
    <message>
        <source>Forgot {count} failed sign-ins</source>
        <translation>已清除 {count} 次失败的登录</translation>
    </message>
    <message>
        <source>the database is already at schema {head}</source>
        <translation>数据库已是结构版本 {head}</translation>
    </message>
    <message>
        <source>migrated the database from schema {before} to {head}</source>
        <translation>数据库已从结构版本 {before} 升级到 {head}</translation>
    </message>
    <message>
        <source>migrated the empty database to schema {head}</source>
        <translation>空数据库已升级到结构版本 {head}</translation>
    </message>
    <message>
        <source>{name} leads the presales work of {team}</source>
        <translation>{name} 负责 {team} 的售前工作</translation>
    </message>
    <message>
        <source>{name} is now {role} in {team}</source>
        <translation>{name} 现为 {team} 团队的 {role}</translation>
    </message>
    <message>
        <source>{name} is now {role}</source>
        <translation>{name} 现为 {role}</translation>
    </message>
    <message>
        <source>No failed sign-ins are remembered</source>
        <translation>没有记录中的失败登录</translation>
    </message>
    <message>
        <source>would release {released} customers to the pool and warn the owners of {warned} customers (dry run: nothing changed)</source>
        <translation>将释放 {released} 个客户到公海，并提醒 {warned} 个客户的所有者（演练：未做任何更改）</translation>
    </message>
    <message>
        <source>The request cannot be served</source>
        <translation>无法处理该请求</translation>
    </message>
    <message>
        <source>This registry speaks sync protocol {supported}, not {requested}; update ERPDesk</source>
        <translation>本注册中心使用同步协议 {supported}，不是 {requested}；请升级 ERPDesk</translation>
    </message>
    <message>
        <source>Sign in first: the request has no bearer token</source>
        <translation>请先登录：请求中没有令牌</translation>
    </message>
    <message>
        <source>The sign-in is not valid (unknown or revoked token); sign in again</source>
        <translation>登录无效（令牌未知或已撤销）；请重新登录</translation>
    </message>
    <message>
        <source>The sign-in has expired; sign in again</source>
        <translation>登录已过期；请重新登录</translation>
    </message>
    <message>
        <source>Wrong user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <source>This account is disabled; ask the customer administrator</source>
        <translation>该账号已停用；请联系客户管理员</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this</source>
        <translation>您的角色（{role}）无权执行此操作</translation>
    </message>
    <message>
        <source>{what} was not found</source>
        <translation>{what}不存在</translation>
    </message>
    <message>
        <source>The request conflicts with the registry&apos;s current state</source>
        <translation>该请求与注册中心的当前状态冲突</translation>
    </message>
    <message>
        <source>Too many failed sign-ins; try again in {seconds} seconds</source>
        <translation>登录失败次数过多；请 {seconds} 秒后重试</translation>
    </message>
    <message>
        <source>The input is not valid</source>
        <translation>输入无效</translation>
    </message>
    <message>
        <source>The registry&apos;s database cannot be reached; try again shortly</source>
        <translation>无法连接注册中心的数据库；请稍后重试</translation>
    </message>
    <message>
        <source>This lead is {status}, not {wanted}</source>
        <translation>该线索状态为 {status}，而不是 {wanted}</translation>
    </message>
    <message>
        <source>The outcome of this lead is final ({outcome})</source>
        <translation>该线索的结果已确定（{outcome}）</translation>
    </message>
    <message>
        <source>Only the lead&apos;s telemarketer hands it over</source>
        <translation>只有该线索的电话营销人员可以移交</translation>
    </message>
    <message>
        <source>This lead was already allocated to {rep}</source>
        <translation>该线索已分配给 {rep}</translation>
    </message>
    <message>
        <source>The lead</source>
        <translation>该线索</translation>
    </message>
    <message>
        <source>This lead id is already used by another lead</source>
        <translation>该线索编号已被另一条线索使用</translation>
    </message>
    <message>
        <source>Unknown setting {key}; the settings are: {keys}</source>
        <translation>未知设置 {key}；可用设置：{keys}</translation>
    </message>
    <message>
        <source>{key} must be between {low:g} and {high:g}, not {value}</source>
        <translation>{key} 必须在 {low:g} 到 {high:g} 之间，不能是 {value}</translation>
    </message>
    <message>
        <source>{key} must be a whole number, not {raw}</source>
        <translation>{key} 必须是整数，不能是 {raw}</translation>
    </message>
    <message>
        <source>{key} must be a number, not {raw}</source>
        <translation>{key} 必须是数字，不能是 {raw}</translation>
    </message>
    <message>
        <source>protection_max_days must be at least protection_days</source>
        <translation>protection_max_days 不能小于 protection_days</translation>
    </message>
    <message>
        <source>warning_days must be less than pool_release_days</source>
        <translation>warning_days 必须小于 pool_release_days</translation>
    </message>
    <message>
        <source>This customer is no longer in the pool; someone may have claimed it first</source>
        <translation>该客户已不在公海中；可能已被他人先领取</translation>
    </message>
    <message>
        <source>You already hold this customer</source>
        <translation>您已持有该客户</translation>
    </message>
    <message>
        <source>You hold {held} customers, the most allowed ({cap})</source>
        <translation>您已持有 {held} 个客户，达到上限（{cap}）</translation>
    </message>
    <message>
        <source>You lost this customer to the pool on {released}; you may take it back (claim or register it) from {date}</source>
        <translation>该客户于 {released} 从您名下释放到公海；您可在 {date} 起重新领取或注册</translation>
    </message>
    <message>
        <source>You made {count} claims from the pool in the last 24 hours, the most allowed; you may claim again at {at}</source>
        <translation>您在 24 小时内已从公海领取 {count} 次，达到上限；可在 {at} 再次领取</translation>
    </message>
    <message>
        <source>Another change to this customer came at the same moment; try again</source>
        <translation>该客户同时有另一项更改；请重试</translation>
    </message>
    <message>
        <source>This request id is used by another request</source>
        <translation>该请求编号已被另一请求使用</translation>
    </message>
    <message>
        <source>This customer id belongs to another company; a registration never changes the name or credit code of an existing customer</source>
        <translation>该客户编号属于另一家公司；注册从不更改已有客户的名称或信用代码</translation>
    </message>
    <message>
        <source>This customer is in the pool; claim it from the pool instead of registering it</source>
        <translation>该客户在公海中；请从公海领取，而不是注册</translation>
    </message>
    <message>
        <source>This customer id is used by another user</source>
        <translation>该客户编号已被另一用户使用</translation>
    </message>
    <message>
        <source>You have already asked to register this company; it waits for the call-back</source>
        <translation>您已申请注册该公司，正在等待回访</translation>
    </message>
    <message>
        <source>This company waits for the call-back of a registration by {owner}</source>
        <translation>该公司正在等待 {owner} 的注册申请回访</translation>
    </message>
    <message>
        <source>This company is already protected for you</source>
        <translation>该公司已在您的保护之下</translation>
    </message>
    <message>
        <source>This company is protected by {owner} since {since}</source>
        <translation>该公司自 {since} 起由 {owner} 保护</translation>
    </message>
    <message>
        <source>The password must have at least {min} characters</source>
        <translation>密码至少需要 {min} 个字符</translation>
    </message>
    <message>
        <source>The password may have at most {max} characters</source>
        <translation>密码最多 {max} 个字符</translation>
    </message>
    <message>
        <source>This company is held by another user</source>
        <translation>该公司已由其他用户持有</translation>
    </message>
    <message>
        <source>No such customer of yours</source>
        <translation>没有这个客户，或该客户不归您</translation>
    </message>
    <message>
        <source>This id belongs to another customer</source>
        <translation>此编号已属于另一个客户</translation>
    </message>
    <message>
        <source>A registered customer is released by the administrator</source>
        <translation>已注册的客户由管理员释放</translation>
    </message>
    <message>
        <source>The customer was deleted</source>
        <translation>该客户已被删除</translation>
    </message>
    <message>
        <source>The name and credit code of a registered customer are changed by the administrator</source>
        <translation>已注册客户的名称和信用代码由管理员修改</translation>
    </message>
    <message>
        <source>This activity was written by the registry</source>
        <translation>此活动记录由注册中心写入</translation>
    </message>
    <message>
        <source>The conflict</source>
        <translation>该冲突记录</translation>
    </message>
    <message>
        <source>Telemarketing leads are not synced in this version</source>
        <translation>此版本不同步电话营销线索</translation>
    </message>
    <message>
        <source>A sales manager reads customers but does not change them</source>
        <translation>销售经理可查看客户，但不能修改</translation>
    </message>
    <message>
        <source>Presales consultants sync only the deals they support</source>
        <translation>售前顾问只同步其支持的商机</translation>
    </message>
    <message>
        <source>This role may not push</source>
        <translation>此角色不能上传更改</translation>
    </message>
    <message>
        <source>A support request cannot move from its state to that one</source>
        <translation>项目资源支持申请不能从当前状态转到该状态</translation>
    </message>
    <message>
        <source>A new support request is a draft or submitted</source>
        <translation>新的项目资源支持申请只能是草稿或已提交</translation>
    </message>
    <message>
        <source>This move of the support request is not yours to make</source>
        <translation>您无权对该项目资源支持申请执行此操作</translation>
    </message>
    <message>
        <source>Only the team&apos;s presales lead assigns a consultant, moving the request to assigned</source>
        <translation>只有团队的售前负责人才能指派顾问，并将申请转为已指派</translation>
    </message>
    <message>
        <source>Not a presales consultant</source>
        <translation>不是售前顾问</translation>
    </message>
    <message>
        <source>An assigned support request needs a consultant</source>
        <translation>已指派的项目资源支持申请必须指定顾问</translation>
    </message>
    <message>
        <source>A declined support request needs a reason</source>
        <translation>拒绝项目资源支持申请必须填写原因</translation>
    </message>
    <message>
        <source>A support request is made by a rep</source>
        <translation>项目资源支持申请由销售代表提出</translation>
    </message>
    <message>
        <source>No such support request of yours</source>
        <translation>没有您的这条项目资源支持申请</translation>
    </message>
    <message>
        <source>No such presales engagement of yours</source>
        <translation>没有您的这项售前工作</translation>
    </message>
    <message>
        <source>You may read this presales work but not change it</source>
        <translation>您可以查看这项售前工作，但不能修改</translation>
    </message>
    <message>
        <source>Only the assigned consultant or the team&apos;s presales lead changes this presales work</source>
        <translation>只有指派的顾问或团队的售前负责人才能修改这项售前工作</translation>
    </message>
    <message>
        <source>Only its rep deletes a support request, while it is a draft</source>
        <translation>只有提出申请的销售代表才能删除项目资源支持申请，且仅限草稿</translation>
    </message>
    <message>
        <source>A presales record belongs to the customer and deal of its support request</source>
        <translation>售前记录必须属于其项目资源支持申请的客户和商机</translation>
    </message>
    <message>
        <source>The presales record was deleted</source>
        <translation>该售前记录已被删除</translation>
    </message>
    <message>
        <source>This desk last synced before the oldest change the registry still keeps; it must pull everything again</source>
        <translation>本机上次同步早于客户注册中心仍保留的最早变更；需要重新拉取全部数据</translation>
    </message>
    <message>
        <source>The registry&apos;s database cannot store a value of this op</source>
        <translation>注册中心的数据库无法保存此操作中的某个值</translation>
    </message>
</context>
</TS>
