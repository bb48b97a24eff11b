"""The Spark engine: the embedded engine's pipeline as Spark stages, Parquet out.

    eventwire ingest --engine spark --master local[2] news/ --out dataset/
    eventwire load dataset/ --db news.db

The cascade (``job.run``), each stage a plain function of ``stages``:

1. read: every input file is one task (WARC files stream); documents get their content ids;
2. extract + furniture: documents are deduplicated by id (the first read wins) and shuffled by
   furniture group (outlet, site or folder); each group is extracted in reading order, its
   repeated lines learned and taken out, exactly as the embedded ``ingest`` does;
3. dating: undated articles are dated from dated articles sharing their rarest names, found by
   joins on names (no article list is gathered anywhere);
4. language pass: articles range-partitioned in publication order; each partition analysed in
   order with the model loaded once per Python worker; the knowledge base (people learned from
   earlier articles) is settled by rounds: the facts every partition learned are broadcast and
   each partition checks, by replaying its articles' knowledge-base journals, that what it saw is
   what a one-process pass would have seen, analysing again the articles where it is not;
5. stories and events: articles are cut into blocks of consecutive publication days (at quiet
   days, or at ``max_block`` articles); each block is grouped into stories and its event
   reports merged into events on the embedded engine's own code, with word weights over the
   whole corpus (document frequencies joined per block); threads link all stories in one task;
6. the rows of every store table are written as Parquet, the article, event and story tables
   partitioned by day (``day=YYYY-MM-DD``, ``day=undated``).

``load`` brings such a dataset into a SQLite store.  Only ``job`` imports pyspark (the
``spark`` extra); ``stages`` and ``dataset`` need nothing beyond the default install.
"""
