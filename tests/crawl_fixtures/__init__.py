"""Real HTTP(S) servers on 127.0.0.1 and the fixture sites the crawl tests build."""
