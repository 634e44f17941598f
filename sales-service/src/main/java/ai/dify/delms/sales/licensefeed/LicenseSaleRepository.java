package ai.dify.delms.sales.licensefeed;

import org.springframework.data.jpa.repository.JpaRepository;

interface LicenseSaleRepository extends JpaRepository<LicenseSale, String> {
}
