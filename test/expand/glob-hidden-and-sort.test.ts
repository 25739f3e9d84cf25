// Hazard: pathname expansion: results sorted in byte order over the whole list, hidden files
// only with an explicit leading dot or dotglob, . and .. never (globskipdots), ** with globstar
// not descending into symlinks, a trailing / for directories only, literal components checked
// for existence, quoted glob characters literal, nullglob/failglob/noglob/nocaseglob/GLOBIGNORE.
// Each case: [setup, words, fields bash 5.2 produced (or its error message)].

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mine, theirs, hasBash, type Outcome, type Setup } from './harness.ts';

const cases: [Setup, string, Outcome][] = [
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "*",
    ["A","B","Z","_u","a","a-b","b","c.txt","d1","ld","sp ace","é"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, ".*",
    [".h",".hd"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"shopt":["dotglob"]}, "*",
    [".h",".hd","A","B","Z","_u","a","a-b","b","c.txt","d1","ld","sp ace","é"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "*/",
    ["B/","a-b/","d1/","ld/"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "d*/*",
    ["d1/sub","d1/x"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "d*/.*",
    ["d1/.y"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "*/x",
    ["a-b/x","d1/x","ld/x"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"shopt":["globstar"]}, "**",
    ["A","B","Z","_u","a","a-b","a-b/x","b","c.txt","d1","d1/sub","d1/sub/z","d1/x","ld","sp ace","é"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"shopt":["globstar"]}, "**/",
    ["B/","a-b/","d1/","d1/sub/","ld/"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"shopt":["globstar"]}, "**/z d1/** **/x",
    ["d1/sub/z","d1/","d1/sub","d1/sub/z","d1/x","a-b/x","d1/x"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"shopt":["globstar","dotglob"]}, "**",
    [".h",".hd","A","B","Z","_u","a","a-b","a-b/x","b","c.txt","d1","d1/.y","d1/sub","d1/sub/z","d1/x","ld","sp ace","é"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "[a-c]* [!a]* [[:upper:]]",
    ["a","a-b","b","c.txt","A","B","Z","_u","b","c.txt","d1","ld","sp ace","é","A","B","Z"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"shopt":["nocaseglob"]}, "a* [a]",
    ["A","a","a-b","A","a"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "nomatch* \"a\"*",
    ["nomatch*","a","a-b"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"shopt":["nullglob"]}, "nomatch* x",
    ["x"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"shopt":["failglob"]}, "nomatch*",
    {"error":"no match: nomatch*"}],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "./a* d1/../a*",
    ["./a","./a-b","d1/../a","d1/../a-b"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "d1/nonexist d1/x d*/x d*/nonexist",
    ["d1/nonexist","d1/x","d1/x","d*/nonexist"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"vars":{"GLOBIGNORE":"a:b"}}, "* .*",
    [".h",".hd","A","B","Z","_u","a-b","c.txt","d1","ld","sp ace","é",".h",".hd"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "\\* \"*\" '*'",
    ["*","*","*"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"vars":{"x":"[ab]"}}, "$x \"$x\"",
    ["a","b","[ab]"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"vars":{"x":"\\a"}}, "$x",
    ["\\a"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"vars":{"x":"d1\\/*"}}, "$x",
    ["d1/sub","d1/x"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "d1//x d1/./x",
    ["d1//x","d1/./x"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "ld/*",
    ["ld/sub","ld/x"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"set":["noglob"]}, "* d1/*",
    ["*","d1/*"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "[]-] [a-] [\\]a] [!!]*",
    ["[]-]","a","a","A","B","Z","_u","a","a-b","b","c.txt","d1","ld","sp ace","é"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"vars":{"x":"*"}}, "${x} \"${x}\" ${x:-*} \"a\"b* $x\"x\"",
    ["A","B","Z","_u","a","a-b","b","c.txt","d1","ld","sp ace","é","*","A","B","Z","_u","a","a-b","b","c.txt","d1","ld","sp ace","é","ab*","*x"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"vars":{"LC_ALL":"C.UTF-8"}}, "a?b c.??? ? ??",
    ["a-b","c.txt","A","B","Z","a","b","é","_u","d1","ld"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""},"shopt":["extglob"]}, "@(a|b) !(a|b|*.*) +([a-c]) *.@(txt|md)",
    ["a","b","A","B","Z","_u","a-b","d1","ld","sp ace","é","a","b","c.txt"]],
  [{"tree":{"a":"","b":"",".h":"","c.txt":"","A":"","d1/x":"","d1/.y":"","d1/sub/z":"","sp ace":"","B":null,".hd":null,"ld":{"link":"d1"},"a-b/x":"","Z":"","_u":"","é":""}}, "/*/nonexistent-zz* [ab",
    ["/*/nonexistent-zz*","[ab"]],
];

for (const [setup, src, want] of cases) {
  test(src, async () => {
    assert.deepEqual(await mine(setup, src), want);
  });
}

test('bash 5.2 agrees with the expectations', { skip: !hasBash }, () => {
  for (const [setup, src, want] of cases) assert.deepEqual(theirs(setup, src), want, src);
});
