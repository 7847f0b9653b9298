// 登录防护、密码与会话（issue 9）。
import type { Messages } from "../en";

export const securityZhCN: Messages["security"] = {
  rateLimited: "登录失败次数过多，请等待几分钟后再试。",
  password: {
    title: "密码",
    description: "12 至 128 个字符；由几个词组成的口令最好记。修改后所有设备上的登录都会退出。",
    current: "当前密码",
    new: "新密码",
    submit: "修改密码",
    submitting: "正在修改…",
    changed: "密码已修改，请用新密码重新登录。",
  },
  reset: {
    button: "重置密码",
    title: "为 {name} 设置新密码",
    body: "请亲自把新密码交给对方。其现有登录会立即失效。",
    field: "新密码",
    submit: "设置密码",
    done: "已重置 {name} 的密码。",
  },
  validation: {
    common: "该密码过于常见，请选择更长、更难猜的密码。",
    sameAsEmail: "密码不能与邮箱地址相同。",
    currentWrong: "当前密码不正确。",
  },
};
