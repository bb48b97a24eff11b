"""`eventwire dyad USA RUS` over the seeds (skips without ../shared)."""


def test_usa_russia_dyad_over_the_seeds(seeds_store):
    gold, ew, files = seeds_store
    result = ew.dyad("USA", "RUS", by="month")
    buckets = {b["bucket"]: b for b in result["buckets"]}
    assert {"2018-06", "2019-05", "2021-04"} <= set(buckets)  # run-up to Helsinki, Sochi, the 2021 sanctions
    assert buckets["2018-06"]["goldstein_sum"] > 0  # cooperation in mid-2018
    assert buckets["2021-04"]["goldstein_sum"] < 0  # conflict in April 2021
