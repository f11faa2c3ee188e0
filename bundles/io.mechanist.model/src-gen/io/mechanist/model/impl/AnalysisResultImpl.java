/**
 */
package io.mechanist.model.impl;

import io.mechanist.model.AnalysisResult;
import io.mechanist.model.Capture;
import io.mechanist.model.MechanistPackage;
import io.mechanist.model.Provenance;
import io.mechanist.model.ResultArray;
import io.mechanist.model.ResultTable;
import io.mechanist.model.StoredVector;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.common.util.EMap;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.EObjectResolvingEList;
import org.eclipse.emf.ecore.util.EcoreEMap;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Analysis Result</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.impl.AnalysisResultImpl#getAnalysisId <em>Analysis Id</em>}</li>
 *   <li>{@link io.mechanist.model.impl.AnalysisResultImpl#getParameters <em>Parameters</em>}</li>
 *   <li>{@link io.mechanist.model.impl.AnalysisResultImpl#getInputCaptures <em>Input Captures</em>}</li>
 *   <li>{@link io.mechanist.model.impl.AnalysisResultImpl#getInputVectors <em>Input Vectors</em>}</li>
 *   <li>{@link io.mechanist.model.impl.AnalysisResultImpl#getTables <em>Tables</em>}</li>
 *   <li>{@link io.mechanist.model.impl.AnalysisResultImpl#getArrays <em>Arrays</em>}</li>
 *   <li>{@link io.mechanist.model.impl.AnalysisResultImpl#getProducedVectors <em>Produced Vectors</em>}</li>
 *   <li>{@link io.mechanist.model.impl.AnalysisResultImpl#getArraysFile <em>Arrays File</em>}</li>
 *   <li>{@link io.mechanist.model.impl.AnalysisResultImpl#getArraysSha256 <em>Arrays Sha256</em>}</li>
 *   <li>{@link io.mechanist.model.impl.AnalysisResultImpl#getProvenance <em>Provenance</em>}</li>
 * </ul>
 *
 * @generated
 */
public class AnalysisResultImpl extends IdentifiedImpl implements AnalysisResult {
	/**
	 * The default value of the '{@link #getAnalysisId() <em>Analysis Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAnalysisId()
	 * @generated
	 * @ordered
	 */
	protected static final String ANALYSIS_ID_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getAnalysisId() <em>Analysis Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAnalysisId()
	 * @generated
	 * @ordered
	 */
	protected String analysisId = ANALYSIS_ID_EDEFAULT;

	/**
	 * The cached value of the '{@link #getParameters() <em>Parameters</em>}' map.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getParameters()
	 * @generated
	 * @ordered
	 */
	protected EMap<String, String> parameters;

	/**
	 * The cached value of the '{@link #getInputCaptures() <em>Input Captures</em>}' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getInputCaptures()
	 * @generated
	 * @ordered
	 */
	protected EList<Capture> inputCaptures;

	/**
	 * The cached value of the '{@link #getInputVectors() <em>Input Vectors</em>}' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getInputVectors()
	 * @generated
	 * @ordered
	 */
	protected EList<StoredVector> inputVectors;

	/**
	 * The cached value of the '{@link #getTables() <em>Tables</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTables()
	 * @generated
	 * @ordered
	 */
	protected EList<ResultTable> tables;

	/**
	 * The cached value of the '{@link #getArrays() <em>Arrays</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getArrays()
	 * @generated
	 * @ordered
	 */
	protected EList<ResultArray> arrays;

	/**
	 * The cached value of the '{@link #getProducedVectors() <em>Produced Vectors</em>}' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getProducedVectors()
	 * @generated
	 * @ordered
	 */
	protected EList<StoredVector> producedVectors;

	/**
	 * The default value of the '{@link #getArraysFile() <em>Arrays File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getArraysFile()
	 * @generated
	 * @ordered
	 */
	protected static final String ARRAYS_FILE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getArraysFile() <em>Arrays File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getArraysFile()
	 * @generated
	 * @ordered
	 */
	protected String arraysFile = ARRAYS_FILE_EDEFAULT;

	/**
	 * The default value of the '{@link #getArraysSha256() <em>Arrays Sha256</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getArraysSha256()
	 * @generated
	 * @ordered
	 */
	protected static final String ARRAYS_SHA256_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getArraysSha256() <em>Arrays Sha256</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getArraysSha256()
	 * @generated
	 * @ordered
	 */
	protected String arraysSha256 = ARRAYS_SHA256_EDEFAULT;

	/**
	 * The cached value of the '{@link #getProvenance() <em>Provenance</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getProvenance()
	 * @generated
	 * @ordered
	 */
	protected Provenance provenance;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected AnalysisResultImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MechanistPackage.Literals.ANALYSIS_RESULT;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getAnalysisId() {
		return analysisId;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setAnalysisId(String newAnalysisId) {
		String oldAnalysisId = analysisId;
		analysisId = newAnalysisId;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.ANALYSIS_RESULT__ANALYSIS_ID, oldAnalysisId, analysisId));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EMap<String, String> getParameters() {
		if (parameters == null) {
			parameters = new EcoreEMap<String,String>(MechanistPackage.Literals.STRING_ENTRY, StringEntryImpl.class, this, MechanistPackage.ANALYSIS_RESULT__PARAMETERS);
		}
		return parameters;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Capture> getInputCaptures() {
		if (inputCaptures == null) {
			inputCaptures = new EObjectResolvingEList<Capture>(Capture.class, this, MechanistPackage.ANALYSIS_RESULT__INPUT_CAPTURES);
		}
		return inputCaptures;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<StoredVector> getInputVectors() {
		if (inputVectors == null) {
			inputVectors = new EObjectResolvingEList<StoredVector>(StoredVector.class, this, MechanistPackage.ANALYSIS_RESULT__INPUT_VECTORS);
		}
		return inputVectors;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<ResultTable> getTables() {
		if (tables == null) {
			tables = new EObjectContainmentEList<ResultTable>(ResultTable.class, this, MechanistPackage.ANALYSIS_RESULT__TABLES);
		}
		return tables;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<ResultArray> getArrays() {
		if (arrays == null) {
			arrays = new EObjectContainmentEList<ResultArray>(ResultArray.class, this, MechanistPackage.ANALYSIS_RESULT__ARRAYS);
		}
		return arrays;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<StoredVector> getProducedVectors() {
		if (producedVectors == null) {
			producedVectors = new EObjectResolvingEList<StoredVector>(StoredVector.class, this, MechanistPackage.ANALYSIS_RESULT__PRODUCED_VECTORS);
		}
		return producedVectors;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getArraysFile() {
		return arraysFile;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setArraysFile(String newArraysFile) {
		String oldArraysFile = arraysFile;
		arraysFile = newArraysFile;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.ANALYSIS_RESULT__ARRAYS_FILE, oldArraysFile, arraysFile));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getArraysSha256() {
		return arraysSha256;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setArraysSha256(String newArraysSha256) {
		String oldArraysSha256 = arraysSha256;
		arraysSha256 = newArraysSha256;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.ANALYSIS_RESULT__ARRAYS_SHA256, oldArraysSha256, arraysSha256));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Provenance getProvenance() {
		return provenance;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetProvenance(Provenance newProvenance, NotificationChain msgs) {
		Provenance oldProvenance = provenance;
		provenance = newProvenance;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, MechanistPackage.ANALYSIS_RESULT__PROVENANCE, oldProvenance, newProvenance);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setProvenance(Provenance newProvenance) {
		if (newProvenance != provenance) {
			NotificationChain msgs = null;
			if (provenance != null)
				msgs = ((InternalEObject)provenance).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - MechanistPackage.ANALYSIS_RESULT__PROVENANCE, null, msgs);
			if (newProvenance != null)
				msgs = ((InternalEObject)newProvenance).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - MechanistPackage.ANALYSIS_RESULT__PROVENANCE, null, msgs);
			msgs = basicSetProvenance(newProvenance, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.ANALYSIS_RESULT__PROVENANCE, newProvenance, newProvenance));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case MechanistPackage.ANALYSIS_RESULT__PARAMETERS:
				return ((InternalEList<?>)getParameters()).basicRemove(otherEnd, msgs);
			case MechanistPackage.ANALYSIS_RESULT__TABLES:
				return ((InternalEList<?>)getTables()).basicRemove(otherEnd, msgs);
			case MechanistPackage.ANALYSIS_RESULT__ARRAYS:
				return ((InternalEList<?>)getArrays()).basicRemove(otherEnd, msgs);
			case MechanistPackage.ANALYSIS_RESULT__PROVENANCE:
				return basicSetProvenance(null, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MechanistPackage.ANALYSIS_RESULT__ANALYSIS_ID:
				return getAnalysisId();
			case MechanistPackage.ANALYSIS_RESULT__PARAMETERS:
				if (coreType) return getParameters();
				else return getParameters().map();
			case MechanistPackage.ANALYSIS_RESULT__INPUT_CAPTURES:
				return getInputCaptures();
			case MechanistPackage.ANALYSIS_RESULT__INPUT_VECTORS:
				return getInputVectors();
			case MechanistPackage.ANALYSIS_RESULT__TABLES:
				return getTables();
			case MechanistPackage.ANALYSIS_RESULT__ARRAYS:
				return getArrays();
			case MechanistPackage.ANALYSIS_RESULT__PRODUCED_VECTORS:
				return getProducedVectors();
			case MechanistPackage.ANALYSIS_RESULT__ARRAYS_FILE:
				return getArraysFile();
			case MechanistPackage.ANALYSIS_RESULT__ARRAYS_SHA256:
				return getArraysSha256();
			case MechanistPackage.ANALYSIS_RESULT__PROVENANCE:
				return getProvenance();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MechanistPackage.ANALYSIS_RESULT__ANALYSIS_ID:
				setAnalysisId((String)newValue);
				return;
			case MechanistPackage.ANALYSIS_RESULT__PARAMETERS:
				((EStructuralFeature.Setting)getParameters()).set(newValue);
				return;
			case MechanistPackage.ANALYSIS_RESULT__INPUT_CAPTURES:
				getInputCaptures().clear();
				getInputCaptures().addAll((Collection<? extends Capture>)newValue);
				return;
			case MechanistPackage.ANALYSIS_RESULT__INPUT_VECTORS:
				getInputVectors().clear();
				getInputVectors().addAll((Collection<? extends StoredVector>)newValue);
				return;
			case MechanistPackage.ANALYSIS_RESULT__TABLES:
				getTables().clear();
				getTables().addAll((Collection<? extends ResultTable>)newValue);
				return;
			case MechanistPackage.ANALYSIS_RESULT__ARRAYS:
				getArrays().clear();
				getArrays().addAll((Collection<? extends ResultArray>)newValue);
				return;
			case MechanistPackage.ANALYSIS_RESULT__PRODUCED_VECTORS:
				getProducedVectors().clear();
				getProducedVectors().addAll((Collection<? extends StoredVector>)newValue);
				return;
			case MechanistPackage.ANALYSIS_RESULT__ARRAYS_FILE:
				setArraysFile((String)newValue);
				return;
			case MechanistPackage.ANALYSIS_RESULT__ARRAYS_SHA256:
				setArraysSha256((String)newValue);
				return;
			case MechanistPackage.ANALYSIS_RESULT__PROVENANCE:
				setProvenance((Provenance)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case MechanistPackage.ANALYSIS_RESULT__ANALYSIS_ID:
				setAnalysisId(ANALYSIS_ID_EDEFAULT);
				return;
			case MechanistPackage.ANALYSIS_RESULT__PARAMETERS:
				getParameters().clear();
				return;
			case MechanistPackage.ANALYSIS_RESULT__INPUT_CAPTURES:
				getInputCaptures().clear();
				return;
			case MechanistPackage.ANALYSIS_RESULT__INPUT_VECTORS:
				getInputVectors().clear();
				return;
			case MechanistPackage.ANALYSIS_RESULT__TABLES:
				getTables().clear();
				return;
			case MechanistPackage.ANALYSIS_RESULT__ARRAYS:
				getArrays().clear();
				return;
			case MechanistPackage.ANALYSIS_RESULT__PRODUCED_VECTORS:
				getProducedVectors().clear();
				return;
			case MechanistPackage.ANALYSIS_RESULT__ARRAYS_FILE:
				setArraysFile(ARRAYS_FILE_EDEFAULT);
				return;
			case MechanistPackage.ANALYSIS_RESULT__ARRAYS_SHA256:
				setArraysSha256(ARRAYS_SHA256_EDEFAULT);
				return;
			case MechanistPackage.ANALYSIS_RESULT__PROVENANCE:
				setProvenance((Provenance)null);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case MechanistPackage.ANALYSIS_RESULT__ANALYSIS_ID:
				return ANALYSIS_ID_EDEFAULT == null ? analysisId != null : !ANALYSIS_ID_EDEFAULT.equals(analysisId);
			case MechanistPackage.ANALYSIS_RESULT__PARAMETERS:
				return parameters != null && !parameters.isEmpty();
			case MechanistPackage.ANALYSIS_RESULT__INPUT_CAPTURES:
				return inputCaptures != null && !inputCaptures.isEmpty();
			case MechanistPackage.ANALYSIS_RESULT__INPUT_VECTORS:
				return inputVectors != null && !inputVectors.isEmpty();
			case MechanistPackage.ANALYSIS_RESULT__TABLES:
				return tables != null && !tables.isEmpty();
			case MechanistPackage.ANALYSIS_RESULT__ARRAYS:
				return arrays != null && !arrays.isEmpty();
			case MechanistPackage.ANALYSIS_RESULT__PRODUCED_VECTORS:
				return producedVectors != null && !producedVectors.isEmpty();
			case MechanistPackage.ANALYSIS_RESULT__ARRAYS_FILE:
				return ARRAYS_FILE_EDEFAULT == null ? arraysFile != null : !ARRAYS_FILE_EDEFAULT.equals(arraysFile);
			case MechanistPackage.ANALYSIS_RESULT__ARRAYS_SHA256:
				return ARRAYS_SHA256_EDEFAULT == null ? arraysSha256 != null : !ARRAYS_SHA256_EDEFAULT.equals(arraysSha256);
			case MechanistPackage.ANALYSIS_RESULT__PROVENANCE:
				return provenance != null;
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (analysisId: ");
		result.append(analysisId);
		result.append(", arraysFile: ");
		result.append(arraysFile);
		result.append(", arraysSha256: ");
		result.append(arraysSha256);
		result.append(')');
		return result.toString();
	}

} //AnalysisResultImpl
