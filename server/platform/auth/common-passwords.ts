// A bundled list of the most common and breached passwords (lower-case), for the ASVS profile.
// A deployment may extend it; a full breached-password corpus is too large to ship here.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456', 'password', '12345678', 'qwerty', '123456789', '12345', '1234', '111111', '1234567', 'dragon',
  '123123', 'baseball', 'abc123', 'football', 'monkey', 'letmein', '696969', 'shadow', 'master', '666666',
  'qwertyuiop', '123321', 'mustang', '1234567890', 'michael', '654321', 'superman', '1qaz2wsx', '7777777', '121212',
  '000000', 'qazwsx', '123qwe', 'killer', 'trustno1', 'jordan', 'jennifer', 'zxcvbnm', 'asdfgh', 'hunter',
  'buster', 'soccer', 'harley', 'batman', 'andrew', 'tigger', 'sunshine', 'iloveyou', '2000', 'charlie',
  'robert', 'thomas', 'hockey', 'ranger', 'daniel', 'starwars', 'klaster', '112233', 'george', 'computer',
  'michelle', 'jessica', 'pepper', '1111', 'zxcvbn', '555555', '11111111', '131313', 'freedom', '777777',
  'pass', 'maggie', '159753', 'aaaaaa', 'ginger', 'princess', 'joshua', 'cheese', 'amanda', 'summer',
  'love', 'ashley', 'nicole', 'chelsea', 'biteme', 'matthew', 'access', 'yankees', '987654321', 'dallas',
  'austin', 'thunder', 'taylor', 'matrix', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'admin',
  'admin123', 'administrator', 'root', 'toor', 'welcome', 'welcome1', 'qwerty123', 'qwe123', 'abcd1234', 'a123456',
  'a12345678', 'aa123456', 'woaini', '5201314', 'woaini1314', '1314520', '520520', '88888888', '66666666', '123654',
  '147258369', '159357', '147258', 'iloveyou1', 'admin@123', 'admin888', 'qq123456', 'zhang123', 'wang123', 'li123456',
  'huawei123', 'test', 'test123', 'test1234', 'guest', 'changeme', 'letmein1', 'monkey123', 'football1', 'baseball1',
  'sunshine1', 'princess1', 'qwerty1', '1q2w3e4r', '1q2w3e4r5t', 'zaq12wsx', 'q1w2e3r4', 'asdf1234', 'asdfghjkl', 'zxcvbnm123',
  'yingji', 'yingji123', 'yingji@123', 'yingji@2026', 'emergency', 'safety123', 'anquan123', 'yingjiguanli',
]);
