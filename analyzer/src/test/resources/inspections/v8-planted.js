// Writes three snapshots of one process: a warm-up (the first snapshot initialises the writer's own
// state), "before" and, after planting known waste, "after". argv: directory of the snapshots, then the
// planted counts: duplicates, concatenations, flattened concatenations, empty Maps, Sets, Arrays,
// Widgets, Gadgets.
const v8 = require('v8');
const path = require('path');
const [dir, dups, cons, flat, maps, sets, arrays, widgets, gadgets] =
    [process.argv[2], ...process.argv.slice(3).map(Number)];
const { Widget } = require('planted-widgets');
const { Gadget } = require('@planted/gadgets');

globalThis.planted = {};
function snapshot(name) {
  global.gc();
  v8.writeHeapSnapshot(path.join(dir, name));
}

// Values built at run time, so that no literal of the script has them, and in a function, so that no
// context keeps the original.
function plantStrings() {
  const value = ['planted', 'duplicate', 'value'].join('-');
  planted.duplicates = Array.from({ length: dups }, () => Buffer.from(value).toString());
  const head = ['cons', 'part', 'one-'].join('-');
  planted.concatenations = Array.from({ length: cons }, () => head + 'and-part-two');
  const flatHead = ['flat', 'part', 'one-'].join('-');
  planted.flattened = Array.from({ length: flat }, () => {
    const c = flatHead + 'and-flat-tail';
    c.charCodeAt(3); // flattens: the concatenation now points at a flat copy and the empty string
    return c;
  });
}

snapshot('warm-up.heapsnapshot');
snapshot('before.heapsnapshot');
plantStrings();
planted.emptyMaps = Array.from({ length: maps }, () => new Map());
planted.emptySets = Array.from({ length: sets }, () => new Set());
planted.emptyArrays = Array.from({ length: arrays }, () => []);
planted.fiveOfEight = new Map();
for (let i = 0; i < 5; i++) planted.fiveOfEight.set({ key: i }, { value: i });
planted.threeOfFour = new Set([{ a: 1 }, { b: 2 }, { c: 3 }]);
planted.widgets = Array.from({ length: widgets }, (_, i) => new Widget(i));
planted.gadgets = Array.from({ length: gadgets }, (_, i) => new Gadget(i));
snapshot('after.heapsnapshot');
