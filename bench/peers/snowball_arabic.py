"""Peer benchmark: the Snowball Arabic stemmer (libstemmer via Debian's python3-stemmer) over the same texts.

Usage: python3 snowball_arabic.py (stem WORDS | tokenise-stem CORPUS) WARMUP REPEAT

"stem" stems a list of words (one per line: marsad's word tokens, so both sides stem the same words);
"tokenise-stem" splits NUL-separated article texts with Python's Unicode regex \\w+ and stems each
token, an end-to-end pipeline of its own. Prints one JSON line: tokens per pass, seconds of each timed
pass (wall and process CPU), RSS after loading and peak RSS (VmHWM) in kB. Each pass gets a fresh stemmer, so PyStemmer's cache
of recent stems (kept at its default size) starts empty, as marsad's segmenter memo does.
"""

import json
import re
import sys
import time

import Stemmer


def status_kb(field):
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int("".join(ch for ch in line if ch.isdigit()))
    return -1


def main(argv):
    if len(argv) != 5 or argv[1] not in ("stem", "tokenise-stem"):
        print("usage: snowball_arabic.py (stem WORDS | tokenise-stem CORPUS) WARMUP REPEAT", file=sys.stderr)
        return 2
    mode, path, warmup, repeat = argv[1], argv[2], int(argv[3]), int(argv[4])
    with open(path, encoding="utf-8") as source:
        data = source.read()
    word_re = re.compile(r"\w+")
    if mode == "stem":
        words = data.split("\n")
        if words and words[-1] == "":
            words.pop()
        units = len(words)

        def run_pass():
            stems = Stemmer.Stemmer("arabic").stemWords(words)
            return len(stems), sum(map(len, stems))
    else:
        texts = [text for text in data.split("\0") if text]
        units = len(texts)

        def run_pass():
            stemmer = Stemmer.Stemmer("arabic")
            tokens = 0
            chars = 0
            for text in texts:
                stems = stemmer.stemWords(word_re.findall(text))
                tokens += len(stems)
                chars += sum(map(len, stems))
            return tokens, chars
    del data
    rss_after_load = status_kb("VmRSS")
    counts = (0, 0)
    for _ in range(warmup):
        counts = run_pass()
    seconds = []
    cpu_seconds = []
    for _ in range(repeat):
        cpu_start = time.process_time()
        start = time.perf_counter()
        counts = run_pass()
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
    print(json.dumps({
        "units": units,
        "tokens": counts[0],
        "checksum": counts[1],
        "seconds": seconds,
        "cpuSeconds": cpu_seconds,
        "rssAfterLoadKb": rss_after_load,
        "peakRssKb": status_kb("VmHWM"),
        "runtime": "Snowball arabic (libstemmer via PyStemmer %s), Python %s" % (
            Stemmer.version(), sys.version.split()[0]),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
