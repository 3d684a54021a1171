enum er_kind { ER_A, ER_OLD, ER_C };
