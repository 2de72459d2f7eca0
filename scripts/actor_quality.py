#!/usr/bin/env python3
"""Counts signs of wrongly built actors in what `tkg extract` finds on a folder of articles.

usage: scripts/actor_quality.py [--tkg build/tkg] [--dir ../shared/corpus/polnear/train]

PolNeAR scores a statement's source by its span, not by the actor it resolves to, so changes to
names and coreference do not move the attribution figures; these counts do. Each is a count of
person actors (one per article that has them) whose name shows a mistake:
  and      names joined by "and" ("Sanders and Clinton")
  of       "of" inside the name ("Bernie Sanders of Vermont")
  title    a title word before the last two words ("FBI Director James Comey")
  single   a single word (many are surnames, some are common nouns: "Polls", "Aides")
  longer   a longer name ending with another person's two-word name in the same article
           ("Florida Sen. Marco Rubio" beside "Marco Rubio")
Finds ../shared beside the source tree (or $TKG_SHARED); when it is absent, says so and exits 0.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def title_words(lexicon_path):
    words = set()
    with open(lexicon_path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2 and fields[0] == "title" and " " not in fields[1]:
                words.add(fields[1].lower())
    return words


def count(actors, titles, c):
    persons = [a["name"].replace("\xa0", " ").split() for a in actors if a["type"] == "person"]
    c["persons"] += len(persons)
    for words in persons:
        c["and"] += "and" in words[1:-1]
        c["of"] += "of" in words[1:-1]
        c["title"] += len(words) >= 3 and any(w.lower() in titles for w in words[:-2])
        c["single"] += len(words) == 1
    for a in persons:
        c["longer"] += any(len(a) > len(b) >= 2 and a[-2:] == b[-2:] for b in persons)


def main():
    shared = os.environ.get("TKG_SHARED", os.path.join(ROOT, "..", "shared"))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--tkg", default=os.path.join(ROOT, "build", "tkg"))
    p.add_argument("--dir", default=os.path.join(shared, "corpus", "polnear", "train"))
    args = p.parse_args()
    if not os.path.isdir(args.dir):
        print(f"actor_quality: {args.dir} not found; nothing to measure")
        return 0
    files = sorted(os.path.join(args.dir, f) for f in os.listdir(args.dir) if f.endswith(".txt"))

    def extract(path):
        out = subprocess.run([args.tkg, "extract", "--json", path], capture_output=True)
        if out.returncode != 0:
            sys.exit(f"actor_quality: {path}: {out.stderr.decode(errors='replace').strip()}")
        return json.loads(out.stdout)["actors"]

    titles = title_words(os.path.join(ROOT, "data", "lexicon.tsv"))
    c = collections.Counter()
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        for actors in pool.map(extract, files):
            count(actors, titles, c)
    print(f"{len(files)} articles, {c['persons']} person actors; names with "
          f"and: {c['and']}, of: {c['of']}, title: {c['title']}, single word: {c['single']}, "
          f"longer duplicate: {c['longer']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
