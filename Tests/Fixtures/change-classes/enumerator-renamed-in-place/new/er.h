enum er_kind { ER_A, ER_NEW, ER_C };
