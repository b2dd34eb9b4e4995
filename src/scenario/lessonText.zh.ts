// The lessons' narration in Chinese (zh-CN), keyed by lesson id and step like ./lessonText.ts; the English
// term in brackets on its first use in each lesson (the project's glossary). A step changed in English is
// translated again here; ZooKeeper's own words (commands, error and event names) stay English.
import type { Catalogue } from '../script/language';
import type { lessonText } from './lessonText';

export const lessonTextZh: Catalogue<typeof lessonText> = {
  'one-write': {
    title: '一次写入，走完每个阶段',
    summary: '基本 Paxos 为每个值都运行两个阶段：观察准备、承诺、接受请求、已接受投票和决定。',
    steps: [
      '在基本 Paxos（basic Paxos）中，每个值都要经过两个阶段。连打开一个会话（session）也是一次写入：{session} 连接到 {at}，只有当 {at} 让它的 createSession 事务被选定后，{session} 才算连上。',
      'c1 请求 n1 创建 /x。{server} 充当提案者（proposer）：它选择提案编号（ballot）{ballot}，比它见过的都高，并向每个接受者（acceptor）发送准备（Prepare）消息（第一阶段 a，phase 1a）。',
      '{server} 收到准备消息，并对 {ballot} 作出承诺（promise，第一阶段 b）：它再也不会接受更低的提案编号，并报告自己已经接受过的值。承诺在回复之前就已持久写入。',
      '{server} 数到 {voters} 的承诺：{servers} 个中的 {count} 个就是多数派（majority），第一阶段完成（{late} 的承诺还在路上，已不需要）。{server} 立即成为领导者（leader），为日志中下一个空闲槽位（slot）提议这次写入：接受请求 Accept({ballot}, 槽位 {slot}, {value}) 发往每个接受者（第二阶段 a，phase 2a）。',
      '{server} 在提案编号 {ballot} 下接受槽位 {slot} 的值（第二阶段 b）：这个提案编号不低于 {server} 的承诺。它回复已接受（Accepted）。',
      '{voters} 在同一个提案编号下接受了这个值：{servers} 个中的 {count} 个，是多数派，于是它被选定（chosen）。{server} 数到这个已接受的法定人数（quorum），立即为槽位 {slot} 发送决定（Decide）消息（ZooKeeper 称之为 COMMIT）。',
      '{at} 把这个槽位应用到它的 ZNode（数据节点）树上并作答：回复到达 {session}，{reply}。',
      '其他学习者（learner）严格按槽位顺序应用已决定的槽位：{server} 现在把槽位 {slot}（{value}）应用到它自己的树副本上。一次写入用了两个往返；只要领导者一直在位，Multi-Paxos 就可以跳过第一阶段。',
    ],
  },
  watch: {
    title: '临时节点、版本号和一个监视',
    summary: '创建临时节点 /data，读取它的 Stat 并留下监视，按读到的版本号更新它，看监视触发。',
    steps: [
      'c1 把 /data 创建为临时节点（ephemeral node），得到 {reply}：它属于 c1 的会话（session），随会话一起消失。创建和所有写入一样要经过领导者（leader）和日志。',
      'c1 用 -s（打印 Stat）和 -w（留下数据监视（Watch，一次性））读取 /data。数据是 {reply}，dataVersion = {version}：这是 c1 写入时要对照的版本号（version）。',
      'c1 仅在 /data 的版本号仍为 0 时设置它（set -v 0，条件更新（conditional update））。写入被选定、应用，监视触发：{watch}。监视是一次性的：它现在已经没了。',
      'set 自己的回复（{reply}）紧跟在监视事件之后到达：会话总是先看到事件，再看到触发它的那次写入的结果。',
      'c1 再次读取 Stat：dataVersion = {version}，/data 上已没有监视。',
    ],
  },
  race: {
    title: '两个客户端争抢同一个版本号',
    summary: '同一版本号上的两个条件更新：日志为它们排序，一个成功，另一个得到 BADVERSION。',
    steps: [
      'c1（连在 n1 上）和 c2（连在 n2 上）都已连接。c1 创建 /cfg（{reply}）；它的 dataVersion 为 0。',
      '两个客户端在同一时刻发送 set -v 0 /cfg（& 让下一行立即运行）。领导者（leader）把它们放进两个相邻的日志槽位（slot）：c1 的 set 先到（n1 就是领导者，无需转发），被应用并把版本号（version）升到 1。c1 收到回复（“{reply}”）：它的 set 成功了。',
      'c2 的 set 由 n2 转发，占了下一个槽位，在版本号 1 上被应用：c2 得到 {result}，zkCli 把它打印为“{reply}”。失败的写入同样占用一个 zxid 和一个槽位，没有谁覆盖了谁：是日志决定了顺序。',
    ],
  },
  'leader-crash': {
    title: '领导者在决定之前崩溃',
    summary: '在领导者刚发出接受请求后让它崩溃：下一任领导者从承诺中找到已接受的值并重新提议它。',
    steps: [
      'c1 连接到 {at}。{leader} 赢得了选举（election），成为领导者（leader）：n2 是跟随者（follower），所以它把 c1 的写入转发给 {leader}，由 {leader} 来提议。',
      'c1 请求创建 /x。领导者 {server} 刚向 n2 和 n3 发出了槽位（slot）{slot} 的接受请求（Accept）：Accept({ballot}, 槽位 {slot}, {value})，但还没有谁决定这个槽位。',
      '现在 n1 崩溃（crash）了，它还没听到已接受（Accepted）投票。跟随者收不到心跳（heartbeat）；{server} 选举超时（election timeout），用更高的提案编号（ballot）{ballot} 运行第一阶段（phase 1）。它拿到了 {voters} 的承诺（promise），{servers} 个中的 {count} 个：达到了法定人数（quorum）。n3 的承诺（Promise）报告了 n3 接受过的内容：1.n1 下的槽位 {slot}，{value}。于是在同一瞬间，{server} 成为领导者并发送 Accept({ballot}, 槽位 {slot}, {value})：旧的值，用的是它自己的提案编号，这正是它的日志所显示的。环形图框出承诺的法定人数（实线：{voters}），旁边是上一个在 n1 下接受的法定人数（虚线：n1 和 n3，槽位 0）。它们共享 n3，任意两个多数派（majority）都必须共享一台服务器：通过 n3，新领导者得知了 n1 发出过的内容。',
      '第二阶段（phase 2）的规则：重新提议提案编号最高的已接受值，而不是一个新值。{server} 凭 {voters} 的投票决定了槽位 {slot}：{value}，同一个 create /x。n2 和 n3 都曾在 1.n1 下接受过它，所以它早已被选定（chosen），只是没人知道：它在崩溃后保住了。',
    ],
  },
  dueling: {
    title: '决斗的提案者',
    summary: '在基本 Paxos 中两个提案者可能不断抢占对方；拒绝消息和随机退避结束这场决斗。',
    steps: [
      '基本 Paxos（basic Paxos），没有稳定的领导者（leader）：每台服务器为自己的客户端提议写入。{session} 连接到 {at}。',
      '{session} 连接到 {at}。n1 和 n2 现在都会为自己客户端的写入运行第一阶段（phase 1）。',
      'c1 和 c2 同时写入。n1 和 n2 各自发送准备（Prepare）消息；已经承诺（promise）了更高提案编号（ballot）的接受者（acceptor）回复拒绝（Nack）。{to} 刚刚收到来自 {from} 的拒绝：{from} 承诺了它自己更高的提案编号，所以 {to} 输了这一轮。',
      '{server} 凭 {voters} 的投票走完了两个阶段：c2 的写入 {value} 在槽位（slot）{slot} 被决定。',
      '{server} 随机退避了一段时间，然后用更高的提案编号 {ballot} 再试：一条新的准备消息。随机退避让两个提案者（proposer）永远互相抢占变得不太可能。',
      '这次 n1 走完了两个阶段：c1 的写入在下一个槽位被决定，{session} 收到了回复：{reply}。c2 早已收到回复，所以两个客户端都得到了答复。',
    ],
  },
  partition: {
    title: '少数派网络分区',
    summary: '固定在少数派一侧的会话读到过期数据，它的写入一直等待，同步和恢复让它回来。',
    steps: [
      'c1 连在 n1 上，c2 连在 n3 上。c1 创建 /cfg = v1（{reply}）；每台服务器都会应用它。',
      'c2 从 {at} 读取 /cfg：{reply}。读由会话（session）自己的服务器从本地树上提供。',
      '网络分裂（网络分区，partition）：n1 和 n2 在一边，n3 独自在另一边。多数派（majority）一侧保有它的领导者（leader）{leader}，c1 的 set /cfg v2 被选定（{reply}）。',
      'c2 再次从 {at} 读取，仍然得到 {reply}：一次过期读（stale read）。n3 听不到新值，却仍用它自己的树副本回答读请求。',
      'c2 尝试写入。n3 是跟随者（follower）：和 ZooKeeper 的跟随者一样，它不提议，而是把写入转发给领导者 {leader}，写入一直处于待处理状态，直到领导者决定它。红叉是 {from} 发给 {to} 的会话保活消息（session touch，跟随者告诉领导者 c2 还活着），在切断的链路（切断链路，cut link）上丢失了。同步也会等待。',
      'c2 请求 sync /cfg（同步）：它必须等到 n3 赶上领导者。网络恢复（heal），而 n3 转发的写入仍在发往 {leader} 的路上。',
      'n3 再次听到领导者，追上它错过的那个槽位（slot）；c2 被转发的写入已通过日志完成，{at} 回复它：{reply}。',
      '同步也完成了（{reply}）：n3 现在是最新的，所以 c2 的下一次读不可能是过期读。',
      'c2 再次读取 /cfg：{reply}，最新的值，在 c1 的写入和它自己的写入之后。',
    ],
  },
  'session-failover': {
    title: '会话比它的服务器活得久，然后过期',
    summary: '让会话所在的服务器崩溃，客户端会重连到别处；让会话过期，它的临时节点随之删除并触发监视。',
    steps: [
      'c2 连接到 n1，c1 连接到 n2；{leader} 是领导者（leader）。c1 创建临时节点（ephemeral node）/eph：{reply}。',
      'c2 在读取 /eph 之前先同步（sync）它（{reply}）：它的服务器 {at} 只有在应用了此前决定的一切（包括 c1 的创建）之后，才会回答同步。{at} 是领导者，所以它本来就是最新的；在跟随者（follower）上，正是同步让另一个客户端写入之后的读变得安全。',
      'c2 带监视（Watch，一次性）读取 /eph（get -w），数据为 {reply}。/eph 改变或消失时它会得到通知。',
      'n2 崩溃（crash）。c1 失去了它的服务器，但没有失去会话（session）：会话存在于复制日志（replicated log）中，而不在 n2 上。c1 重连到 {at}，/eph 依然存在。',
      '现在 c1 的会话过期（session expiry）了（就像客户端停顿的时间超过了会话超时）。closeSession 事务删除了 /eph，c2 的监视触发：{watch}。',
    ],
  },
  lock: {
    title: '用顺序临时节点实现锁队列',
    summary: 'ZooKeeper 的锁方案：每个客户端只监视它的前驱，所以释放锁只会唤醒恰好一个等待者。',
    steps: [
      'c1、c2 和 c3 都已连接。c1 创建锁目录：{reply}。',
      'c1 创建一个临时顺序节点（ephemeral sequential node）/lock/n-（{reply}）：它得到 n-0000000000，编号最小，所以 c1 持有锁。',
      'c2 创建它的节点（{reply}）。n-0000000001 不是最小的，所以 c2 必须等待。',
      'c2 用 stat -w 只监视（Watch，一次性）它的前驱 n-0000000000。它并不监视 /lock 本身。',
      'c3 创建它的节点（{reply}）：n-0000000002 也在等待。',
      'c3 只监视它自己的前驱 n-0000000001。',
      'c1 删除自己的节点来释放锁：{reply}。',
      '只有 {session} 收到通知：{watch}。c3 什么也没听到，所以不会有一群客户端冲过来重新检查（羊群效应）。如果 c1 是崩溃了，它的会话（session）过期也会以同样方式删除这个节点。',
      'c2 列出 /lock 来确认，{reply}：它的 n-0000000001 现在是最小的，所以 c2 持有锁。',
    ],
  },
  'bug-forget-promise': {
    title: '故障：重启后忘记了承诺',
    summary: '在 forget-promise 下，接受者只在内存中保存承诺：重启后它又会接受一个旧的提案编号。',
    steps: [
      '故障开关（bug switch）forget-promise 已打开：接受者（acceptor）只在内存中保存它的承诺（promise）。c1 通过 n1 创建了 /x，n1 是提案编号（ballot）1.n1 下的领导者（leader）。随后 n1 被切断，n2 和 n3 以更高的提案编号 2.n3 选出了 n3：两者都承诺拒绝任何低于 2.n3 的提案。现在 n3 崩溃并立即重启（restart），网络也变了（n1 和 n3 可以通信，n2 被孤立）。n3 的日志挺过了崩溃；由于这个故障，它的承诺却没有。',
      'n1 仍以为自己在 1.n1 下领导，为 c1 的 set /x 2 发送接受请求（Accept）。n3 忘了它对 2.n3 的承诺，于是又跟随提案编号 1.n1 并接受了：安全性监控器发现了承诺单调性（Promise monotonicity）被违反，因为 n3 退回到了它曾作出的承诺之下。n1 现在在一个多数派（majority）曾承诺拒绝的提案编号下决定了槽位（slot）2；如果 n3 在 2.n3 下为那里选定了另一个值，两者就会不一致。',
      '关闭开关后的同一场景（红色横幅消失了）。到这里为止运行都一样：n3 在 1700 ms 崩溃并重启。这一次它对 2.n3 的承诺随日志一起从磁盘恢复，因为接受者在回复之前就把承诺持久写入了。',
      'n3 拒绝了 n1 在 1.n1 下的接受请求，于是 n1 得知有更高的提案编号并不再领导。n3 凭 n1 的承诺在提案编号 3.n3 下赢得选举，在该提案编号下把 c1 的 set 提议到槽位 2，c1 得到答复。监控器显示一切成立：只有挺过崩溃的承诺才有意义。',
    ],
  },
  'bug-ignore-promised-values': {
    title: '故障：新领导者无视承诺报告的值',
    summary: '在 ignore-promised-values 下，新领导者在一个可能已选定值的槽位上提议它自己的值。',
    steps: [
      '故障开关（bug switch）ignore-promised-values 已打开。c1 的 create /x 1 到达了 n1，n1 是 1.n1 下的领导者（leader），n2 和 n3 在槽位（slot）1 接受了它：多数派（majority）在同一个提案编号（ballot）下接受了它，所以它已被选定（chosen）。但回到 n1 的链路被切断，n1 从未数到这些投票，随后 n1 崩溃。现在 n2 在提案编号 2.n2 下运行第一阶段（phase 1），n3 作出承诺（promise）：它的承诺报告它在 1.n1 下于槽位 1 接受了 c1 的创建。',
      '规则是：新领导者必须在承诺报告的每个槽位中，提议报告的提案编号最高的那个值。由于这个故障，n2 却为槽位 1 提议了一个空操作（no-op），并自己接受了它：安全性监控器发现了选定值稳定性（Chosen stability）被违反，因为槽位 1 已在 1.n1 下选定了 c1 的创建，而更晚的提案编号在那里接受了别的东西。第一阶段找到了已选定的值；这个故障把它扔掉了。',
      '关闭开关后的同一场景。到 n3 的承诺为止运行都一样。这一次 n2 读取了承诺的报告，在槽位 1 再次提议 c1 的 create /x 1：用的是它自己的提案编号 2.n2，但值是那个可能已被选定的值。',
      'n3 接受了它，n2 决定了槽位 1：那个早已选定的创建，现在所有人都知道了。c1 的会话（session）会失去 n1 并得到 ConnectionLoss，但它的创建已经生效：在 ConnectionLoss 之后，ZooKeeper 客户端必须检查到底发生了什么。监控器显示一切成立。',
    ],
  },
  'bug-minority-quorum': {
    title: '故障：不必重叠的法定人数',
    summary: '在 minority-quorum 下，5 台服务器中的 2 台就算法定人数，于是网络分区的两边都能做出决定。',
    steps: [
      '故障开关（bug switch）minority-quorum 已打开：法定人数（quorum）是 5 台服务器中的 2 台，而不是 3 台。网络分裂（网络分区，partition）：n1 和 n2 在一边，n3、n4 和 n5 在另一边。c1 请求 n1 设置 /x from-n1；n1 仍是 1.n1 下的领导者（leader），从它自己和 n2 收到已接受（Accepted），把 2 票算作法定人数并决定了槽位（slot）3。',
      '另一边没有人听得到 n1，于是 n3 在 2.n3 下运行第一阶段（phase 1）。它的承诺（promise）都不知道槽位 3，所以 n3 在那里提议 c2 的 set /x from-n4，并凭 n3 和 n4 的 2 票决定了它。安全性监控器发现了一致性（Agreement）被违反：n1 和 n3 为槽位 3 决定了不同的值。环形图显示了原因：两个法定人数（实线：n3 和 n4，虚线：n1 和 n2）没有共享任何服务器，所以谁也无法得知对方的选择。',
      '关闭开关后的同一场景：法定人数是 5 台中的 3 台。n1 一侧只有 2 台服务器，所以 n1 无法决定 c1 的 set，只能等待。另一边在 2.n4 下选出 n4，以多数派（majority）在槽位 3 决定了 c2 的 set /x from-n4，c2 得到答复。5 台中的任意两个多数派都共享一台服务器，所以只有一边能做出决定。',
      '网络分区恢复（heal）后，n1 和 n2 从多数派那里得知槽位 3，c1 的 set 在新的提案编号（ballot）下于槽位 4 被决定。两次写入各发生一次，有唯一的顺序，监控器显示一切成立。',
    ],
  },
  'bug-accept-below-promise': {
    title: '故障：低于承诺的接受',
    summary: '在 accept-below-promise 下，接受者接受了一个它承诺过要拒绝的提案编号的接受请求。',
    steps: [
      '故障开关（bug switch）accept-below-promise 已打开：接受者（acceptor）会接受低于其承诺（promise）的提案编号（ballot）。c1 通过 n1 创建了 /x，n1 是 1.n1 下的领导者（leader）。随后 n1 被切断，n2 和 n3 在 2.n3 下选出了 n3：两者都承诺拒绝任何低于 2.n3 的提案。现在网络变了（n1 和 n3 可以通信，n2 被孤立），c1 请求 set /x 2：n1 仍以为自己在 1.n1 下领导，为槽位（slot）2 发送接受请求（Accept）。',
      'n3 必须拒绝提案编号 1.n1，因为它承诺了 2.n3。由于这个故障，它接受了，安全性监控器发现了承诺单调性（Promise monotonicity）被违反：n3 接受了低于自己承诺的提案。正是这个承诺让新领导者可以信任它的第一阶段：一个在它背后以更旧提案编号被接受的值，可能在新领导者毫不知情的情况下被选定。',
      '关闭开关后的同一场景。到这里为止运行都一样：n1 在 1.n1 下为槽位 2 发送接受请求。',
      'n3 拒绝了旧的提案编号，n1 得知了 2.n3，于是不再领导，把 c1 的写入交给 n3。n3 在 2.n3 下把 c1 的 set 提议到槽位 2，n1 和 n3 接受了它，c1 得到答复。监控器显示一切成立。',
    ],
  },
  'bug-apply-out-of-order': {
    title: '故障：越过日志中的空洞应用',
    summary: '在 apply-out-of-order 下，服务器在更低的槽位尚未知晓时就应用了一个已决定的槽位。',
    steps: [
      '故障开关（bug switch）apply-out-of-order 已打开：即使更低的槽位（slot）还未知晓，服务器也会应用一个已决定的槽位。c1 创建 /a 时，n1 到 n3 的链路被切断（切断链路，cut link），所以 n3 从未见过槽位 2：n1 和 n2 在没有 n3 的情况下选定（chosen）了它。链路恢复了，c1 创建 /b：n3 接受了槽位 3。',
      'n3 得知槽位 3 已被选定，立即越过槽位 2 的空洞应用了它：安全性监控器发现了前缀顺序（Prefix order）被违反。n3 把本属于 /a 的 zxid 给了 /b，当槽位 2 稍后到达时，它把 c1 更早的请求当作重复而跳过：/a 在 n3 上从未存在，c2 在那里的 ls / 只会列出 b 和 zookeeper。',
      '关闭开关后的同一场景。n3 同样在槽位 2 是空洞时得知槽位 3 已被选定，但现在它只是记录下来：服务器严格按顺序应用槽位。',
      '一次心跳（heartbeat）告诉 n3 它落后了；它向 n1 请求槽位 2（追赶），按顺序应用槽位 2 和 3，c2 在 n3 上的 ls / 列出 a、b 和 zookeeper，和每台服务器一样。监控器显示一切成立。',
    ],
  },
  'zab-not-paxos': {
    title: 'ZooKeeper 并不运行 Paxos',
    summary:
      '同一次领导者崩溃跑两遍：Multi-Paxos 靠对未决槽位的一轮第一阶段恢复，ZAB 靠选举、新纪元和同步恢复；再看主序为何能保住客户端写入的顺序。',
    steps: [
      '先看 Multi-Paxos。{leader} 在开始时为所有槽位（slot）赢得了一次第一阶段（phase 1）；此后每次写入只需要第二阶段（phase 2）。c1（连在 n2 上）创建 /x：{server} 凭 {voters} 的投票（vote）决定（decide）了槽位 {slot}，{servers} 台中的 {count} 台。',
      '领导者（leader）{server} 崩溃（crash）。已选定的东西一样也不会丢：每个已决定的槽位都被多数派（majority）接受过。',
      'n2 收不到心跳（heartbeat），超时后用更高的提案编号（ballot）{ballot} 运行第一阶段：对它尚未见到决定的第一个槽位起的每个槽位发出一次准备（prepare）。{voters} 的承诺（promise）报告它们在这些未决槽位上接受过什么；发现的任何值都必须在 {ballot} 下重新提议。这里没有留下未决的槽位，所以 {server} 在同一时刻成为领导者，把 c1 等待中的 set 提议到槽位 {slot}。',
      '{server} 决定了槽位 {slot}：{value}。Paxos 用一轮第一阶段就恢复了：任何服务器都可以运行它，决定谁当领导者的是提案编号，而不是历史。',
      '现在把完全相同的命令、在相同的时刻，交给 ZAB（ZooKeeper 真正运行的协议）。快速领导者选举（Fast Leader Election）选出了 {server}：所有历史都一样，于是 id 最大者胜出。c1 的 create /x 是 PROPOSAL {zxid}：高 32 位是纪元（epoch）{epoch}，低位是计数器（createSession 用掉了 1）。法定人数（quorum）发回了确认（ACK），{server} 发送 COMMIT，即提交（commit）。',
      'kill leader 杀掉了 ZAB 的领导者 {server}。跟随者（follower）不再收到 PING。',
      '过了 syncLimit 个 tick，它们进入 LOOKING 并交换 Notification：每台都以（纪元，最后的 zxid，id）投票，最好的选票胜出。n1 和 n2 的历史相同，所以 id 更大的 {server} 当选。和 Paxos 不同，选举（election）本身就选出了最新的服务器：之后不必再从别人的日志里学习什么。',
      '发现（discovery）：法定人数发来了带 acceptedEpoch 的 FOLLOWERINFO，于是 {server} 选定纪元 {epoch}，比它们都大一，并得到法定人数的确认。接着是同步（synchronisation）：它让每个跟随者与自己的历史一致（{syncs}：n1 已有每个已提交的事务，所以它的 DIFF 是空的），发送 NEWLEADER，收到法定人数的 ACK 后发送 UPTODATE。直到此刻才有服务器重新为客户端服务。',
      'c1 等待中的 set 是新纪元的第一个事务：{zxid}，由 {server} 提交。恢复花了一次选举、一个新纪元和一次同步，而 Paxos 只花了一轮第一阶段。',
      '旧领导者 n3 回来了（重启，restart）。它的日志止于纪元 1；{from} 用 {label} 修复它的历史：补上它错过的纪元 2 的事务（如果跟随者持有领导者从未提交的提议，会先收到 TRUNC）。',
      'c1 不等待地流水线发出两次写入，set /x 3 和 set /x 4。领导者按 c1 发送的顺序给了它们连续的 zxid，并严格按 zxid 顺序提交：{zxid} 是第二个，{value}。这就是 ZAB 的主序（primary order）：每个纪元只有一个领导者按顺序提议（proposal），新领导者先让每个跟随者持有旧纪元的历史。ZooKeeper 承诺客户端 FIFO 顺序：一个客户端的写入按发送顺序生效，即使跨越领导者更替，而这来自 ZAB。Multi-Paxos 独立地选定每个槽位：跨越领导者更替时，两个流水线写入可能被乱序决定，除非另有机制保证顺序。',
    ],
  },
};
